import type { Edition, EmissionFactor } from '../domain/catalogue.types';
import type { EditionDiff } from '../domain/edition-diff';
import type { EditionTree, FactorCounts } from '../domain/edition-tree';
import type { EditionDiffType, EditionTreeType, EditionType, EmissionFactorType, FactorCountsType } from './catalogue.types';

export function toEdition(edition: Edition): EditionType {
  return {
    id: edition.id,
    title: edition.title,
    status: edition.status,
    draftedAt: edition.draftedAt,
    publishedAt: edition.status === 'published' ? edition.publishedAt : null,
    derivedFrom: edition.derivedFrom,
  };
}

export function toFactor(factor: EmissionFactor): EmissionFactorType {
  const value = factor.value;
  return {
    classCode: factor.classCode,
    substance: factor.substance,
    vector: factor.vector,
    kind: value.kind,
    value: value.kind === 'value' ? value.value : null,
    low: value.kind === 'range' ? value.low : null,
    high: value.kind === 'range' ? value.high : null,
    unit: factor.unit,
    activityUnit: factor.activityUnit,
    confidence: factor.confidence,
    reference: factor.reference,
    note: factor.note,
  };
}

export function toCounts(counts: FactorCounts): FactorCountsType {
  return {
    total: counts.total,
    values: counts.byKind.value,
    ranges: counts.byKind.range,
    notDetermined: counts.byKind.ND,
    notApplicable: counts.byKind.NA,
    ...counts.byConfidence,
  };
}

export function toTree(tree: EditionTree): EditionTreeType {
  return {
    edition: toEdition(tree.edition),
    counts: toCounts(tree.counts),
    groups: tree.groups.map((group) => ({
      code: group.code,
      name: group.name,
      counts: toCounts(group.counts),
      categories: group.categories.map((category) => ({
        code: category.code,
        name: category.name,
        counts: toCounts(category.counts),
        classes: category.classes.map((sourceClass) => ({ ...sourceClass, factors: sourceClass.factors.map(toFactor) })),
      })),
    })),
  };
}

export function toDiff(diff: EditionDiff): EditionDiffType {
  const keyOf = (f: EmissionFactor) => `${f.classCode}|${f.substance}|${f.vector}`;
  return {
    from: diff.from,
    to: diff.to,
    addedClasses: diff.classes.added.map((c) => c.code),
    removedClasses: diff.classes.removed.map((c) => c.code),
    addedFactors: diff.factors.added.map((f) => ({ key: keyOf(f), before: null, after: toFactor(f) })),
    removedFactors: diff.factors.removed.map((f) => ({ key: keyOf(f), before: toFactor(f), after: null })),
    changedFactors: diff.factors.changed.map((c) => ({ key: c.key, before: toFactor(c.before), after: toFactor(c.after) })),
  };
}

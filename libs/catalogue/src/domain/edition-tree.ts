import type { Category, CategoryRemark, Confidence, Edition, EmissionFactor, SourceClass, Vector } from './catalogue.types';
import { VECTORS } from './catalogue.types';
import type { EditionState } from './catalogue.state';
import { hasNumber } from './factor-cell';

/**
 * Factor counts. Confidence is counted over factors that give a number (a value or a range):
 * how sure we are of a number is what a report must show; an NA or ND cell has no number to
 * distrust. `byKind` counts every cell.
 */
export interface FactorCounts {
  total: number;
  byKind: { value: number; range: number; ND: number; NA: number };
  byConfidence: Record<Confidence, number>;
}

export interface ClassNode extends SourceClass {
  factors: EmissionFactor[];
  counts: FactorCounts;
}

export interface CategoryNode {
  code: string;
  name: string;
  remark?: CategoryRemark;
  classes: ClassNode[];
  counts: FactorCounts;
}

export interface GroupNode {
  code: string;
  name: string;
  categories: CategoryNode[];
  counts: FactorCounts;
}

export interface EditionTree {
  edition: Edition;
  groups: GroupNode[];
  counts: FactorCounts;
}

export function countFactors(factors: readonly EmissionFactor[]): FactorCounts {
  const counts: FactorCounts = {
    total: 0,
    byKind: { value: 0, range: 0, ND: 0, NA: 0 },
    byConfidence: { verified: 0, inferred: 0, unverified: 0 },
  };
  for (const factor of factors) {
    counts.total++;
    counts.byKind[factor.value.kind]++;
    if (hasNumber(factor.value)) counts.byConfidence[factor.confidence]++;
  }
  return counts;
}

// One collator for all comparisons: localeCompare with options builds a new one per call.
const codeCollator = new Intl.Collator('en', { numeric: true });

/** "2c2" before "2c10", "9" before "10": codes sort as the Toolkit lists them. */
export function compareCodes(a: string, b: string): number {
  return codeCollator.compare(a, b);
}

const VECTOR_ORDER = new Map<Vector, number>(VECTORS.map((v, i) => [v, i]));

/** Substances in the order the edition added them (PCDD/PCDF first), then vectors as printed. */
function factorOrder(substanceCodes: readonly string[]): (a: EmissionFactor, b: EmissionFactor) => number {
  const substanceOrder = new Map(substanceCodes.map((code, i) => [code, i]));
  return (a, b) =>
    (substanceOrder.get(a.substance) ?? 0) - (substanceOrder.get(b.substance) ?? 0) ||
    (VECTOR_ORDER.get(a.vector) ?? 0) - (VECTOR_ORDER.get(b.vector) ?? 0);
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item));
    if (list) list.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** The edition as the Toolkit shows it: groups > categories > classes with their factors. */
export function buildEditionTree(state: EditionState): EditionTree {
  const factorsByClass = groupBy(Object.values(state.factors), (f) => f.classCode);
  const classesByCategory = groupBy(Object.values(state.classes), (c) => c.categoryCode);
  const categoriesByGroup = groupBy<Category>(Object.values(state.categories), (c) => c.groupCode);
  const compareFactors = factorOrder(Object.keys(state.substances));

  const groups = Object.values(state.groups)
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((group): GroupNode => {
      const categories = (categoriesByGroup.get(group.code) ?? [])
        .sort((a, b) => compareCodes(a.code, b.code))
        .map((category): CategoryNode => {
          const classes = (classesByCategory.get(category.code) ?? [])
            .sort((a, b) => compareCodes(a.code, b.code))
            .map((sourceClass): ClassNode => {
              const factors = (factorsByClass.get(sourceClass.code) ?? []).sort(compareFactors);
              return { ...sourceClass, factors, counts: countFactors(factors) };
            });
          return {
            code: category.code,
            name: category.name,
            ...(category.remark ? { remark: category.remark } : {}),
            classes,
            counts: countFactors(classes.flatMap((c) => c.factors)),
          };
        });
      return {
        code: group.code,
        name: group.name,
        categories,
        counts: countFactors(categories.flatMap((c) => c.classes.flatMap((k) => k.factors))),
      };
    });
  return { edition: state.edition, groups, counts: countFactors(Object.values(state.factors)) };
}

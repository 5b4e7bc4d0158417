import { VECTORS, type CategoryRemark, type EmissionFactor, type Vector } from '../domain/catalogue.types';
import type { EditionState } from '../domain/catalogue.state';
import { buildEditionTree, type CategoryNode, type ClassNode, type GroupNode } from '../domain/edition-tree';
import { formatFactorValue } from '../domain/factor-cell';
import { FACTOR_COLUMN, FACTOR_SHEET_COLUMNS } from '../domain/factor-row';
import { SUBSTANCE_LABELS } from '../domain/substances';
import { CONFIDENCE_MARK, rowConfidence } from './row-confidence';

export type ToolkitColumn = (typeof FACTOR_SHEET_COLUMNS)[number];

/**
 * One row of the Toolkit's layout (classes.csv): one class and substance, a column per vector;
 * or, with an empty class, the row that describes a category without classes.
 */
export interface ToolkitLayoutRow {
  group: { code: string; name: string };
  /** Every column as the CSV prints it (NA as empty, ND, "0.001-0.004" for a range). */
  cells: Record<ToolkitColumn, string>;
  /** The factor behind each ef_* cell, so a spreadsheet can type numbers and mark confidence. */
  factors: Partial<Record<Vector, EmissionFactor>>;
}

/**
 * An edition in the Toolkit's layout, sorted by group, category, class and substance (the
 * edition's substance order, PCDD/PCDF first). Reading the rows back with parseCatalogueSheets
 * gives the edition's factors, classes, categories (with their remarks) and groups.
 *
 * What the layout cannot hold, and so is not written: a class without factors, a category
 * without classes nor remark, and a withdrawn factor (its cell is written empty, which reads
 * back as NA). A row prints one source_ref, note, unit and activity unit for its five vectors:
 * they are taken from the row's first factor that gives a number (else its first factor).
 */
export function toolkitLayoutRows(state: EditionState): ToolkitLayoutRow[] {
  const tree = buildEditionTree(state);
  // A category row must name a known substance; the parser ignores it beyond that.
  const categoryRowSubstance = Object.keys(state.substances)[0] ?? 'PCDD/PCDF';
  return tree.groups.flatMap((group) =>
    group.categories.flatMap((category) => [
      ...(category.remark ? [categoryRow(group, category, category.remark, categoryRowSubstance)] : []),
      ...category.classes.flatMap((sourceClass) => classRows(group, category, sourceClass)),
    ]),
  );
}

function categoryRow(group: GroupNode, category: CategoryNode, remark: CategoryRemark, substance: string): ToolkitLayoutRow {
  return {
    group: { code: group.code, name: group.name },
    cells: {
      ...emptyCells(),
      ...hierarchyCells(group, category),
      class_name: remark.description,
      activity_unit: remark.activityUnit,
      substance,
      source_ref: remark.reference,
      confidence: CONFIDENCE_MARK[remark.confidence],
      note: remark.note,
    },
    factors: {},
  };
}

/** One row per substance, except a printed label that stands for several with equal cells. */
function classRows(group: GroupNode, category: CategoryNode, sourceClass: ClassNode): ToolkitLayoutRow[] {
  const bySubstance = new Map<string, EmissionFactor[]>();
  for (const factor of sourceClass.factors) {
    bySubstance.set(factor.substance, [...(bySubstance.get(factor.substance) ?? []), factor]);
  }
  const written = new Set<string>();
  const rows: ToolkitLayoutRow[] = [];
  for (const [substance, factors] of bySubstance) {
    if (written.has(substance)) continue;
    const label = factors[0].substanceLabel;
    const shared = SUBSTANCE_LABELS[label] ?? [];
    // "dl-PCB, sum-6 indicator PCB, HCB" is one row for three substances; written three times it
    // would be refused as a repeated row. Only when all three still have the same cells.
    const together =
      shared.length > 1 && shared.every((code) => sameCells(bySubstance.get(code), factors)) ? shared : [substance];
    together.forEach((code) => written.add(code));
    // A label the parser would read as other substances is replaced by the substance code.
    const printed = together.length > 1 || (shared.length === 1 && shared[0] === substance) ? label : substance;
    rows.push(classRow(group, category, sourceClass, factors, printed, rows.length === 0));
  }
  return rows;
}

function classRow(
  group: GroupNode,
  category: CategoryNode,
  sourceClass: ClassNode,
  factors: readonly EmissionFactor[],
  substance: string,
  definesClass: boolean,
): ToolkitLayoutRow {
  const lead = factors.find((f) => f.value.kind === 'value' || f.value.kind === 'range') ?? factors[0];
  const byVector: Partial<Record<Vector, EmissionFactor>> = Object.fromEntries(factors.map((f) => [f.vector, f]));
  // The parser takes the class's confidence from the first row that names the class.
  const marks = rowConfidence(factors, definesClass ? sourceClass.confidence : lead.confidence);
  const efCells = Object.fromEntries(
    VECTORS.map((vector) => {
      const factor = byVector[vector];
      return [FACTOR_COLUMN[vector], factor ? formatFactorValue(factor.value) : ''];
    }),
  );
  return {
    group: { code: group.code, name: group.name },
    cells: {
      ...emptyCells(),
      ...hierarchyCells(group, category),
      ...efCells,
      class: sourceClass.code,
      class_name: sourceClass.name,
      activity_unit: lead.activityUnit,
      ef_unit: lead.unit,
      substance,
      toolkit_edition: lead.toolkitEdition,
      annex_c: sourceClass.annexC,
      source_ref: lead.reference,
      confidence: marks.confidence,
      vector_confidence: marks.vectorConfidence,
      note: lead.note,
    },
    factors: byVector,
  };
}

function hierarchyCells(group: GroupNode, category: CategoryNode): Partial<Record<ToolkitColumn, string>> {
  return { group: group.code, group_name: group.name, category: category.code, category_name: category.name };
}

function emptyCells(): Record<ToolkitColumn, string> {
  return Object.fromEntries(FACTOR_SHEET_COLUMNS.map((column) => [column, ''])) as Record<ToolkitColumn, string>;
}

/** Same cells in every vector: the factors differ by substance only. */
function sameCells(a: readonly EmissionFactor[] | undefined, b: readonly EmissionFactor[]): boolean {
  if (!a || a.length !== b.length) return false;
  const cellsOf = (factors: readonly EmissionFactor[]) =>
    JSON.stringify(
      factors.map((f) => [
        f.vector,
        f.value.kind,
        formatFactorValue(f.value),
        f.unit,
        f.activityUnit,
        f.confidence,
        f.reference,
        f.note,
        f.substanceLabel,
        f.confidenceNote,
        f.toolkitEdition,
      ]),
    );
  return cellsOf(a) === cellsOf(b);
}

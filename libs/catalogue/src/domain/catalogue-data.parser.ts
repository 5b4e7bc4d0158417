import {
  VECTORS,
  type Category,
  type CategoryRemark,
  type CatalogueSnapshot,
  type EmissionFactor,
  type SourceClass,
  type SourceGroup,
  type Substance,
} from './catalogue.types';
import { FACTOR_SHEET_COLUMNS, readFactorRow, type FactorRow } from './factor-row';
import { readSheet, type ParseResult, type RowError, type Sheet } from './sheet';
import { SUBSTANCE_LABELS, TOOLKIT_SUBSTANCES } from './substances';
import { confidenceOfVector, parseVectorConfidence } from './vector-confidence';

export { FACTOR_SHEET_COLUMNS } from './factor-row';

export interface CatalogueParseOptions {
  /** Substances a sheet may name; defaults to the Toolkit's. */
  substances?: readonly Substance[];
  /** Printed substance cells and the codes they stand for; a cell equal to a code is always accepted. */
  substanceLabels?: Readonly<Record<string, readonly string[]>>;
}

/** Where something was first stated, to name it when a later row contradicts it. */
interface Seen<T> {
  value: T;
  at: string;
}

/**
 * Parses factor sheets (the shipped classes.csv and other_upops.csv, or an expert's edition
 * sheet) into one snapshot. A class, category or group is defined by the first row that names
 * it; later rows (e.g. other substances of the same class) add factors and must agree on the
 * hierarchy. Every problem of every row is reported; if there is one, nothing is returned, so
 * an import is never half applied.
 */
export function parseCatalogueSheets(
  sheets: readonly Sheet[],
  options: CatalogueParseOptions = {},
): ParseResult<CatalogueSnapshot> {
  const vocabulary = {
    substances: options.substances ?? TOOLKIT_SUBSTANCES,
    labels: options.substanceLabels ?? SUBSTANCE_LABELS,
  };
  const errors: RowError[] = [];
  const groups = new Map<string, Seen<SourceGroup>>();
  const categories = new Map<string, Seen<Category>>();
  const classes = new Map<string, Seen<SourceClass>>();
  // "<class or category>|<substance>" -> where its row was, to refuse a second one.
  const rowsGiven = new Map<string, string>();
  const factors: EmissionFactor[] = [];

  for (const sheet of sheets) {
    const read = readSheet(sheet, FACTOR_SHEET_COLUMNS);
    errors.push(...read.errors);
    for (const sheetRow of read.rows) {
      const checked = readFactorRow(sheetRow, sheet.name, vocabulary);
      if (!checked.ok) {
        errors.push(...checked.problems);
        continue;
      }
      const row = checked.row;
      const at = `${sheet.name} row ${sheetRow.row}`;
      const problem = (column: string, reason: string) => errors.push({ sheet: sheet.name, row: sheetRow.row, column, reason });

      // The row must agree with what earlier rows said.
      const group = groups.get(row.groupCode);
      const category = categories.get(row.categoryCode);
      const owner = row.classCode === '' ? row.categoryCode : row.classCode;
      const earlier = row.substanceCodes.map((code) => rowsGiven.get(`${owner}|${code}`)).find(Boolean);
      const before = errors.length;
      if (group && group.value.name !== row.groupName)
        problem('group_name', `group ${row.groupCode} is named "${group.value.name}" in ${group.at}`);
      if (category && category.value.name !== row.categoryName) {
        problem('category_name', `category ${row.categoryCode} is named "${category.value.name}" in ${category.at}`);
      }
      if (earlier && row.classCode === '')
        problem('category', `category ${row.categoryCode} already has a row of its own (${earlier})`);
      if (earlier && row.classCode !== '')
        problem('substance', `class ${row.classCode} already has factors for "${row.substanceLabel}" (${earlier})`);
      if (errors.length > before) continue;

      // The row is sound: record what it defines and the factors it gives.
      if (!group) groups.set(row.groupCode, { value: { code: row.groupCode, name: row.groupName }, at });
      const remark = row.classCode === '' ? categoryRemark(row) : undefined;
      if (!category) {
        const value: Category = {
          code: row.categoryCode,
          groupCode: row.groupCode,
          name: row.categoryName,
          ...(remark ? { remark } : {}),
        };
        categories.set(row.categoryCode, { value, at });
      } else if (remark && !category.value.remark) {
        category.value = { ...category.value, remark };
      }
      row.substanceCodes.forEach((code) => rowsGiven.set(`${owner}|${code}`, at));
      if (row.classCode === '') continue;

      if (!classes.has(row.classCode)) classes.set(row.classCode, { value: sourceClassOf(row), at });
      factors.push(...factorsOf(row));
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const used = new Set(factors.map((f) => f.substance));
  return {
    ok: true,
    value: {
      groups: [...groups.values()].map((g) => g.value),
      categories: [...categories.values()].map((c) => c.value),
      classes: [...classes.values()].map((c) => c.value),
      substances: vocabulary.substances.filter((s) => used.has(s.code)),
      factors,
    },
  };
}

function sourceClassOf(row: FactorRow): SourceClass {
  return {
    code: row.classCode,
    categoryCode: row.categoryCode,
    name: row.cell('class_name'),
    activityUnit: row.cell('activity_unit'),
    annexC: row.cell('annex_c'),
    reference: row.cell('source_ref'),
    confidence: row.rowConfidence,
    note: row.cell('note'),
    toolkitEdition: row.cell('toolkit_edition'),
  };
}

/** Five factors (one per vector) for each substance the row names. */
function factorsOf(row: FactorRow): EmissionFactor[] {
  const refinements = parseVectorConfidence(row.cell('vector_confidence'));
  return row.substanceCodes.flatMap((substance) =>
    VECTORS.map((vector) => ({
      classCode: row.classCode,
      substance,
      vector,
      value: row.values[vector],
      unit: row.cell('ef_unit'),
      activityUnit: row.cell('activity_unit'),
      confidence: confidenceOfVector(row.rowConfidence, refinements, vector),
      reference: row.cell('source_ref'),
      note: row.cell('note'),
      substanceLabel: row.substanceLabel,
      confidenceNote: row.cell('vector_confidence'),
      toolkitEdition: row.cell('toolkit_edition'),
    })),
  );
}

function categoryRemark(row: FactorRow): CategoryRemark {
  return {
    description: row.cell('class_name'),
    activityUnit: row.cell('activity_unit'),
    reference: row.cell('source_ref'),
    confidence: row.rowConfidence,
    note: row.cell('note'),
  };
}

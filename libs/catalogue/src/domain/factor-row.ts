import { VECTORS, type Confidence, type EmissionFactorValue, type Substance, type Vector } from './catalogue.types';
import { hasNumber, parseFactorCell } from './factor-cell';
import type { RowError, SheetRow } from './sheet';
import { ROW_CONFIDENCE } from './vector-confidence';

/** The columns of classes.csv and other_upops.csv (and of an expert's edition sheet). */
export const FACTOR_SHEET_COLUMNS = [
  'group',
  'group_name',
  'category',
  'category_name',
  'class',
  'class_name',
  'activity_unit',
  'ef_air',
  'ef_water',
  'ef_land',
  'ef_product',
  'ef_residue',
  'ef_unit',
  'substance',
  'toolkit_edition',
  'annex_c',
  'source_ref',
  'confidence',
  'vector_confidence',
  'note',
] as const;

export const FACTOR_COLUMN: Record<Vector, string> = {
  air: 'ef_air',
  water: 'ef_water',
  land: 'ef_land',
  product: 'ef_product',
  residue: 'ef_residue',
};

const GROUP = /^[1-9]\d*$/;
const CATEGORY = /^([1-9]\d*)([a-z])$/;
// What follows the category code in a class code: "1" in 1a1, "2a" in 7b2a.
const CLASS_SUFFIX = /^\d+[a-z]?$/;

/** One sound row of a factor sheet, its cells read and checked. */
export interface FactorRow {
  groupCode: string;
  groupName: string;
  categoryCode: string;
  categoryName: string;
  /** Empty for a row that describes its category (no classes retrieved, or hot spots). */
  classCode: string;
  rowConfidence: Confidence;
  substanceLabel: string;
  substanceCodes: readonly string[];
  values: Record<Vector, EmissionFactorValue>;
  cell(column: string): string;
}

export interface SubstanceVocabulary {
  substances: readonly Substance[];
  labels: Readonly<Record<string, readonly string[]>>;
}

/**
 * Checks one row on its own (cells, codes, substance, confidence); agreement with other rows is
 * the sheet parser's job. Reports every problem of the row, not just the first.
 */
export function readFactorRow(
  row: SheetRow,
  sheetName: string,
  vocabulary: SubstanceVocabulary,
): { ok: true; row: FactorRow } | { ok: false; problems: RowError[] } {
  const problems: RowError[] = [];
  const problem = (column: string, reason: string) => problems.push({ sheet: sheetName, row: row.row, column, reason });
  const cell = (column: string) => row.cell(column);

  const groupCode = cell('group');
  if (!GROUP.test(groupCode)) problem('group', `"${groupCode}" is not a source group number (1, 2, ...)`);
  if (cell('group_name') === '') problem('group_name', 'the group needs a name');
  const categoryCode = cell('category');
  const categoryMatch = CATEGORY.exec(categoryCode);
  if (!categoryMatch) problem('category', `"${categoryCode}" is not a category code (group number and a letter, e.g. 1a)`);
  else if (GROUP.test(groupCode) && categoryMatch[1] !== groupCode)
    problem('category', `category ${categoryCode} does not belong to group ${groupCode}`);
  if (cell('category_name') === '') problem('category_name', 'the category needs a name');

  const classCode = cell('class');
  if (classCode !== '') {
    if (!classCode.startsWith(categoryCode) || !CLASS_SUFFIX.test(classCode.slice(categoryCode.length))) {
      problem('class', `"${classCode}" is not a class of category ${categoryCode} (e.g. ${categoryCode}1)`);
    }
    if (cell('class_name') === '') problem('class_name', 'the class needs a name');
    if (cell('activity_unit') === '') problem('activity_unit', 'the class needs an activity unit (e.g. t of waste burned)');
  }
  if (cell('source_ref') === '') problem('source_ref', 'every row needs a source reference');

  const rowConfidence = ROW_CONFIDENCE[cell('confidence')];
  if (!rowConfidence) problem('confidence', `"${cell('confidence')}" is not one of ${Object.keys(ROW_CONFIDENCE).join(', ')}`);

  const values: Partial<Record<Vector, EmissionFactorValue>> = {};
  for (const vector of VECTORS) {
    const parsed = parseFactorCell(cell(FACTOR_COLUMN[vector]));
    if (!parsed.ok) problem(FACTOR_COLUMN[vector], parsed.reason);
    else values[vector] = parsed.value;
  }
  const given = Object.values(values);
  if (classCode === '' && given.some((v) => v.kind !== 'NA')) {
    problem('class', 'a row without a class describes its category and cannot carry factors');
  }
  if (given.some(hasNumber) && cell('ef_unit') === '') problem('ef_unit', 'a row with a number needs its unit (e.g. µg TEQ/t)');

  const substanceLabel = cell('substance');
  const known = (code: string) => vocabulary.substances.some((s) => s.code === code);
  const substanceCodes = vocabulary.labels[substanceLabel] ?? (known(substanceLabel) ? [substanceLabel] : undefined);
  if (!substanceCodes) {
    problem('substance', `unknown substance "${substanceLabel}" (known: ${Object.keys(vocabulary.labels).join(' | ')})`);
  } else if (substanceCodes.some((code) => !known(code))) {
    problem(
      'substance',
      `substance ${substanceCodes.filter((code) => !known(code)).join(', ')} is not in the catalogue's substance list`,
    );
  }

  if (problems.length > 0 || !rowConfidence || !substanceCodes) return { ok: false, problems };
  return {
    ok: true,
    row: {
      groupCode,
      groupName: cell('group_name'),
      categoryCode,
      categoryName: cell('category_name'),
      classCode,
      rowConfidence,
      substanceLabel,
      substanceCodes,
      values: {
        air: { kind: 'NA' },
        water: { kind: 'NA' },
        land: { kind: 'NA' },
        product: { kind: 'NA' },
        residue: { kind: 'NA' },
        ...values,
      },
      cell,
    },
  };
}

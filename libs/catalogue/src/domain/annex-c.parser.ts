import type { AnnexCItem, AnnexCMapping } from './catalogue.types';
import { readSheet, type ParseResult, type RowError, type Sheet } from './sheet';

export const ANNEX_C_MAPPING_COLUMNS = [
  'category',
  'category_name',
  'annex_c',
  'annex_c_refs',
  'confidence',
  'basis',
  'source',
] as const;
export const ANNEX_C_PARTS_COLUMNS = ['part', 'item', 'label', 'listed_by', 'evidence'] as const;

const REF = /^(II|III)\((a|b|c|d|e|f|g|h|i|j|k|l|m)\)(\((i|ii|iii|iv)\))?$/;
const PARTS = ['I', 'II', 'III'] as const;

/**
 * Parses annex-c-mapping.csv. The mapping is an inference (see data/README.md); a row that does
 * not say what it rests on is refused, so that no mapping is ever shown as if it were official.
 */
export function parseAnnexCMapping(sheet: Sheet): ParseResult<AnnexCMapping[]> {
  const read = readSheet(sheet, ANNEX_C_MAPPING_COLUMNS);
  const errors: RowError[] = [...read.errors];
  const mappings: AnnexCMapping[] = [];
  const seen = new Map<string, number>();
  for (const row of read.rows) {
    const problem = (column: string, reason: string) => errors.push({ sheet: sheet.name, row: row.row, column, reason });
    const before = errors.length;
    const categoryCode = row.cell('category');
    if (!/^[1-9]\d*[a-z]$/.test(categoryCode)) problem('category', `"${categoryCode}" is not a category code (e.g. 1a)`);
    const earlier = seen.get(categoryCode);
    if (earlier !== undefined) problem('category', `category ${categoryCode} is already mapped in row ${earlier}`);
    const refsText = row.cell('annex_c_refs');
    const refs = refsText === '' ? [] : refsText.split(';').map((ref) => ref.trim());
    const badRef = refs.find((ref) => !REF.test(ref));
    if (badRef !== undefined)
      problem('annex_c_refs', `"${badRef}" is not an Annex C Part II/III reference (e.g. II(a), III(b), II(d)(i))`);
    if (row.cell('basis') === '') problem('basis', 'say what the mapping rests on (e.g. inference)');
    if (row.cell('annex_c') === '') problem('annex_c', 'the mapping text is empty');
    if (errors.length > before) continue;
    seen.set(categoryCode, row.row);
    mappings.push({
      categoryCode,
      categoryName: row.cell('category_name'),
      annexC: row.cell('annex_c'),
      refs,
      confidence: row.cell('confidence'),
      basis: row.cell('basis'),
      source: row.cell('source'),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: mappings };
}

/** Parses annex-c-parts.csv: the Part I chemicals and the Part II/III source category letters. */
export function parseAnnexCParts(sheet: Sheet): ParseResult<AnnexCItem[]> {
  const read = readSheet(sheet, ANNEX_C_PARTS_COLUMNS);
  const errors: RowError[] = [...read.errors];
  const items: AnnexCItem[] = [];
  for (const row of read.rows) {
    const part = PARTS.find((p) => p === row.cell('part'));
    if (!part) {
      errors.push({ sheet: sheet.name, row: row.row, column: 'part', reason: `"${row.cell('part')}" is not I, II or III` });
      continue;
    }
    if (row.cell('item') === '') {
      errors.push({ sheet: sheet.name, row: row.row, column: 'item', reason: 'the row needs an item' });
      continue;
    }
    items.push({
      part,
      item: row.cell('item'),
      label: row.cell('label'),
      listedBy: row.cell('listed_by'),
      evidence: row.cell('evidence'),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: items };
}

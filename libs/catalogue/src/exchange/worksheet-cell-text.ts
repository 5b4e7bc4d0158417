import type { CellValue } from 'exceljs';

/**
 * A cell as the text a CSV export of it would hold, so the domain's sheet parser judges an XLSX
 * cell exactly as it judges a CSV one. Numbers print as JavaScript does (3500, 0.00075, 1e-7),
 * which the parser reads; a formula counts by its result; a date stays visibly a date, so a
 * factor cell Excel turned into one is reported, not misread.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  // A hyperlink's text may itself be rich text when read from a file.
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
}

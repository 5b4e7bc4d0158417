import { isBlankRecord, parseCsv } from './csv';

/** A CSV file's name (for messages) and its text. */
export interface Sheet {
  name: string;
  text: string;
}

/**
 * What an expert needs to fix an import: the sheet, the spreadsheet row (header = 1), the
 * column by its header name, and why.
 */
export interface RowError {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

/** One data row, cells addressed by header name. */
export interface SheetRow {
  row: number;
  cell(column: string): string;
}

/** The sound rows of a sheet, and what is wrong with the others. */
export interface SheetRead {
  rows: SheetRow[];
  errors: RowError[];
}

/**
 * Reads a sheet into rows keyed by header, checking the structure only: the required columns
 * exist once, and every row has as many cells as the header. Rows with the wrong number of
 * cells are reported and the others still returned, so a caller can report every problem of a
 * sheet at once. Blank rows are skipped (exports often end with some); their row numbers still
 * count, so messages match the spreadsheet.
 */
export function readSheet(sheet: Sheet, requiredColumns: readonly string[]): SheetRead {
  const csv = parseCsv(sheet.text);
  if (!csv.ok) {
    // Quoting errors shift every later cell: the rows cannot be trusted, none is returned.
    return {
      rows: [],
      errors: csv.errors.map((e) => ({
        sheet: sheet.name,
        row: e.row,
        column: `#${e.field}`,
        reason: `${e.reason} (line ${e.line})`,
      })),
    };
  }
  const [header, ...body] = csv.records;
  if (!header || isBlankRecord(header)) {
    return {
      rows: [],
      errors: [{ sheet: sheet.name, row: 1, column: '*', reason: 'the sheet is empty: expected a header row' }],
    };
  }

  const errors: RowError[] = [];
  const names = header.fields.map((name) => name.trim());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (index.has(name)) errors.push({ sheet: sheet.name, row: 1, column: name, reason: `column "${name}" appears twice` });
    else index.set(name, i);
  });
  for (const column of requiredColumns) {
    if (!index.has(column)) errors.push({ sheet: sheet.name, row: 1, column, reason: `missing column "${column}"` });
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: SheetRow[] = [];
  for (const record of body) {
    if (isBlankRecord(record)) continue;
    if (record.fields.length !== names.length) {
      errors.push({
        sheet: sheet.name,
        row: record.row,
        column: '*',
        reason: `expected ${names.length} cells as in the header, found ${record.fields.length} (an unquoted comma?)`,
      });
      continue;
    }
    const fields = record.fields;
    rows.push({ row: record.row, cell: (column) => (fields[index.get(column) ?? -1] ?? '').trim() });
  }
  return { rows, errors };
}

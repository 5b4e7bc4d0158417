import type { Readable } from 'node:stream';
import { Workbook } from 'exceljs';
import { parseCatalogueSheets, type CatalogueParseOptions } from '../domain/catalogue-data.parser';
import type { ImportEditionSnapshot } from '../domain/catalogue.commands';
import type { RowError } from '../domain/sheet';
import { HEADER_SEARCH_ROWS, worksheetAsSheet, type WorksheetSheet } from './worksheet-as-sheet';

/** What the caller decides: the new draft's id and title, and why it is imported. */
export interface EditionXlsxTarget {
  editionId: string;
  title: string;
  reason: string;
}

/**
 * The ImportEditionSnapshot command for the decider, and the sheets that had no factor table
 * (the About sheet, notes) so the caller can show what was not read; or every row error.
 */
export type EditionXlsxImport =
  | { ok: true; value: ImportEditionSnapshot; skippedSheets: string[] }
  | { ok: false; errors: RowError[] };

/** Errors about the file as a whole carry this sheet name and row 0. */
export const WORKBOOK = '(workbook)';

/**
 * Reads an XLSX workbook of factor sheets (one exported by exportEditionXlsx, or one laid out
 * like the Toolkit's Annex 4 tables with a title above the header) into the command that
 * imports it as a new draft edition. Every worksheet with a factor table goes through the same
 * parser as the CSV sheets, so a cell means the same in both; errors name the worksheet, its row
 * and the header as written there. Any bad row: the errors only, never a partial snapshot.
 */
export async function importEditionXlsx(
  source: Readable | Buffer,
  target: EditionXlsxTarget,
  options: CatalogueParseOptions = {},
): Promise<EditionXlsxImport> {
  const workbook = new Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a Node Buffer may sit on a shared one, so copy.
    if (Buffer.isBuffer(source)) await workbook.xlsx.load(new Uint8Array(source).buffer);
    else await workbook.xlsx.read(source);
  } catch (error) {
    const reason = `not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, errors: [{ sheet: WORKBOOK, row: 0, column: '*', reason }] };
  }

  const tables: WorksheetSheet[] = [];
  const skippedSheets: string[] = [];
  for (const worksheet of workbook.worksheets) {
    const table = worksheetAsSheet(worksheet);
    if (table) tables.push(table);
    else skippedSheets.push(worksheet.name);
  }
  if (tables.length === 0) {
    const reason =
      `no sheet has a factor table: expected, in its first ${HEADER_SEARCH_ROWS} rows, a header with a "class" ` +
      'column and a vector column (ef_air ... ef_residue, or Air, Water, Land, Product, Residue)';
    return { ok: false, errors: [{ sheet: WORKBOOK, row: 0, column: 'class', reason }] };
  }

  const parsed = parseCatalogueSheets(tables.map((t) => t.sheet), options);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => inWorksheet(e, tables)) };
  if (parsed.value.categories.length === 0) {
    const reason = 'the factor tables have no rows: an edition needs at least one category';
    return { ok: false, errors: [{ sheet: WORKBOOK, row: 0, column: '*', reason }] };
  }
  return {
    ok: true,
    value: { type: 'ImportEditionSnapshot', ...target, snapshot: parsed.value },
    skippedSheets,
  };
}

/** A parser error, pointed at the worksheet's own row and header text. */
function inWorksheet(error: RowError, tables: readonly WorksheetSheet[]): RowError {
  const table = tables.find((t) => t.sheet.name === error.sheet);
  if (!table) return error;
  return {
    ...error,
    row: error.row + table.headerRow - 1,
    column: table.headerLabels.get(error.column) ?? error.column,
  };
}

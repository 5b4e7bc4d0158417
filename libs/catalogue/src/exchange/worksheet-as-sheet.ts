import type { Worksheet } from 'exceljs';
import { VECTORS } from '../domain/catalogue.types';
import { FACTOR_COLUMN, FACTOR_SHEET_COLUMNS } from '../domain/factor-row';
import type { Sheet } from '../domain/sheet';
import { cellText } from './worksheet-cell-text';
import { csvLine } from './csv-line';

/** How far down a title, a table number or notes may push the header. */
export const HEADER_SEARCH_ROWS = 20;

/** Columns a loose sheet may leave out: when absent they read as empty, which they may be. */
const MAY_BE_ABSENT = ['toolkit_edition', 'annex_c', 'vector_confidence', 'note'] as const;

const KNOWN = new Set<string>(FACTOR_SHEET_COLUMNS);
const FACTOR_COLUMNS = new Set<string>(VECTORS.map((vector) => FACTOR_COLUMN[vector]));

/** A worksheet as the sheet the domain's parser reads, and how to point back into the worksheet. */
export interface WorksheetSheet {
  sheet: Sheet;
  /** The worksheet row of the header; the parser counts the header as row 1. */
  headerRow: number;
  /** The header cell as written ("Air"), by the column name the parser reports ("ef_air"). */
  headerLabels: ReadonlyMap<string, string>;
}

/**
 * The column a header cell stands for: the layout's own names in any case or spacing
 * ("Class name" -> class_name), and the vector names Annex 4 prints ("Air" -> ef_air).
 * Anything else is kept as written: the parser ignores columns it does not know.
 */
export function headerColumn(text: string): string {
  const name = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (KNOWN.has(name)) return name;
  const vector = VECTORS.find((v) => v === name);
  return vector ? FACTOR_COLUMN[vector] : text.trim();
}

/**
 * Reads a worksheet into a CSV Sheet for parseCatalogueSheets, from its header row on. The
 * header is the first row (of the first HEADER_SEARCH_ROWS) holding a "class" column and a
 * vector column, so a sheet with a title above its table reads too. Each worksheet row becomes
 * one record (an empty row a blank one), so the parser's row numbers plus headerRow - 1 are the
 * worksheet's. Undefined when the worksheet has no such header (e.g. the About sheet).
 */
export function worksheetAsSheet(worksheet: Worksheet): WorksheetSheet | undefined {
  const width = worksheet.columnCount;
  const texts = (rowNumber: number): string[] => {
    const row = worksheet.findRow(rowNumber);
    return Array.from({ length: width }, (_, i) => (row ? cellText(row.getCell(i + 1).value).trim() : ''));
  };

  const last = Math.min(worksheet.rowCount, HEADER_SEARCH_ROWS);
  let headerRow = 0;
  let header: string[] = [];
  for (let r = 1; r <= last && headerRow === 0; r++) {
    // An unnamed column gets a name of its own: two empty names would read as a repeated column.
    const columns = texts(r).map((text, i) =>
      text === '' ? `(column ${worksheet.getColumn(i + 1).letter})` : headerColumn(text),
    );
    if (columns.includes('class') && columns.some((c) => FACTOR_COLUMNS.has(c))) {
      headerRow = r;
      header = columns;
    }
  }
  if (headerRow === 0) return undefined;

  const written = texts(headerRow);
  const headerLabels = new Map(header.map((column, i) => [column, written[i] || column]));
  const absent = MAY_BE_ABSENT.filter((column) => !header.includes(column));
  const lines = [csvLine([...header, ...absent])];
  for (let r = headerRow + 1; r <= worksheet.rowCount; r++) {
    const cells = texts(r);
    lines.push(cells.every((cell) => cell === '') ? '' : csvLine([...cells, ...absent.map(() => '')]));
  }
  return { sheet: { name: worksheet.name, text: `${lines.join('\n')}\n` }, headerRow, headerLabels };
}

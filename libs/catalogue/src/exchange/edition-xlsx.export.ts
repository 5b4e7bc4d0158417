import type { Writable } from 'node:stream';
import { stream as excelStream, type Row, type Worksheet } from 'exceljs';
import { VECTORS, type Vector } from '../domain/catalogue.types';
import type { EditionState } from '../domain/catalogue.state';
import { FACTOR_COLUMN, FACTOR_SHEET_COLUMNS } from '../domain/factor-row';
import { ABOUT_SHEET_NAME, UNVERIFIED_FILL_ARGB, aboutSheetLines } from './about-sheet';
import { toolkitLayoutRows, type ToolkitColumn, type ToolkitLayoutRow } from './toolkit-layout-rows';
import { groupWorksheetName } from './worksheet-name';

export interface EditionXlsxExportOptions {
  /** Called after each factor row is written: rows written so far, and rows in all. */
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

const WIDE: Partial<Record<ToolkitColumn, number>> = {
  group_name: 28,
  category_name: 32,
  class_name: 40,
  activity_unit: 22,
  ef_unit: 22,
  substance: 18,
  annex_c: 24,
  source_ref: 50,
  vector_confidence: 40,
  note: 60,
};

const VECTOR_OF_COLUMN = new Map<string, Vector>(VECTORS.map((vector) => [FACTOR_COLUMN[vector], vector]));

/**
 * Writes an edition as an XLSX workbook to `stream`: an "About" sheet, then one sheet per source
 * group in the Toolkit's layout (the columns of classes.csv). Written with the streaming writer,
 * each row committed as soon as it is complete, so memory stays flat however large the edition.
 * Numbers are numbers (a spreadsheet can compute with them); ND and ranges stay text; NA is an
 * empty cell. An unverified number gets a light yellow fill, so no one reads it as official.
 * Resolves once the stream has finished (the whole file is written).
 */
export function exportEditionXlsx(state: EditionState, stream: Writable, options: EditionXlsxExportOptions = {}): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // The writer only listens for errors once it finalises; an earlier failure must not hang.
    stream.once('error', reject);
    writeWorkbook(state, stream, options).then(() => {
      stream.off('error', reject);
      resolve();
    }, reject);
  });
}

async function writeWorkbook(state: EditionState, stream: Writable, options: EditionXlsxExportOptions): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const rows = toolkitLayoutRows(state);

  const about = workbook.addWorksheet(ABOUT_SHEET_NAME);
  about.columns = [{ width: 58 }, { width: 40 }];
  for (const line of aboutSheetLines(state)) about.addRow(line).commit();
  about.commit();

  let written = 0;
  for (const { group, rows: groupRows } of rowsByGroup(rows)) {
    const sheet = workbook.addWorksheet(groupWorksheetName(group), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = FACTOR_SHEET_COLUMNS.map((column) => ({ key: column, width: WIDE[column] ?? 11 }));
    writeHeader(sheet);
    for (const row of groupRows) {
      writeFactorRow(sheet, row);
      written++;
      options.onProgress?.(written, rows.length);
    }
    sheet.commit();
  }
  // Resolves on the stream's 'finish'.
  await workbook.commit();
}

function writeHeader(sheet: Worksheet): void {
  const header = sheet.addRow([...FACTOR_SHEET_COLUMNS]);
  header.font = { bold: true };
  header.commit();
}

function writeFactorRow(sheet: Worksheet, row: ToolkitLayoutRow): void {
  const values = FACTOR_SHEET_COLUMNS.map((column) => {
    const vector = VECTOR_OF_COLUMN.get(column);
    const factor = vector ? row.factors[vector] : undefined;
    if (factor?.value.kind === 'value') return factor.value.value;
    return row.cells[column] === '' ? null : row.cells[column];
  });
  const added: Row = sheet.addRow(values);
  FACTOR_SHEET_COLUMNS.forEach((column, i) => {
    const vector = VECTOR_OF_COLUMN.get(column);
    const factor = vector ? row.factors[vector] : undefined;
    const isNumber = factor?.value.kind === 'value' || factor?.value.kind === 'range';
    if (isNumber && factor?.confidence === 'unverified') {
      added.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: UNVERIFIED_FILL_ARGB } };
    }
  });
  added.commit();
}

/** One sheet's worth of rows per group; rows come sorted by group, and keep that order. */
function rowsByGroup(rows: readonly ToolkitLayoutRow[]): { group: ToolkitLayoutRow['group']; rows: ToolkitLayoutRow[] }[] {
  const groups = new Map<string, { group: ToolkitLayoutRow['group']; rows: ToolkitLayoutRow[] }>();
  for (const row of rows) {
    const entry = groups.get(row.group.code) ?? { group: row.group, rows: [] };
    entry.rows.push(row);
    groups.set(row.group.code, entry);
  }
  return [...groups.values()];
}

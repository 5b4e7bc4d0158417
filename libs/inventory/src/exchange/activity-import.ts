import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { cellText } from '@upops/catalogue';
import type { SheetRow } from './activity-sheet';

export type ActivityFileFormat = 'csv' | 'xlsx';

export interface ActivityFileRows {
  rows: SheetRow[];
  headersBySheet: Map<string, string[]>;
}

/** The rows of a CSV file (one sheet, named "csv"); the first record is the header. */
export function readActivityCsv(content: Buffer): ActivityFileRows {
  const records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header = [], ...body] = records;
  const headers = header.map(normaliseHeader);
  return {
    headersBySheet: new Map([['csv', headers]]),
    rows: body.map((cells, index) => ({ sheet: 'csv', row: index + 2, cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) })),
  };
}

/**
 * The rows of every sheet of a workbook whose first row names a "class" column (the Toolkit's
 * sheets, one per source group); other sheets (a summary, notes) are left alone.
 */
export async function readActivityXlsx(content: Buffer): Promise<ActivityFileRows> {
  const workbook = new Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: SheetRow[] = [];
  const headersBySheet = new Map<string, string[]>();
  workbook.eachSheet((sheet) => {
    const headerRow = sheet.getRow(1);
    const headers: string[] = [];
    headerRow.eachCell({ includeEmpty: true }, (cell, column) => (headers[column - 1] = normaliseHeader(cellText(cell.value))));
    if (!headers.includes('class')) return;
    headersBySheet.set(sheet.name, headers);
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => (cells[h] = cellText(row.getCell(i + 1).value)));
      rows.push({ sheet: sheet.name, row: number, cells });
    });
  });
  return { rows, headersBySheet };
}

function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '_');
}

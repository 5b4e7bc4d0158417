import type { RecordActivity } from '../domain/inventory.commands';

/**
 * The activity template: the columns of the Toolkit's class sheets (group, category, class and
 * its name, the activity unit) followed by what the Party fills in. Export writes these columns,
 * import reads them, so an exported inventory is also a filled-in template.
 */
export const ACTIVITY_COLUMNS = [
  'group',
  'category',
  'class',
  'class_name',
  'facility_name',
  'activity_rate',
  'unit',
  'data_source',
  'note',
  'line_id',
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

/** Columns an import needs; the others may be absent or empty. */
export const REQUIRED_ACTIVITY_COLUMNS: readonly ActivityColumn[] = ['class', 'activity_rate', 'unit'];

/** A row of a sheet as text, with where it is (sheet name and 1-based row number as the spreadsheet shows it). */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: Partial<Record<string, string>>;
}

export interface RowProblem {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

export interface ParsedActivityRow {
  sheet: string;
  row: number;
  command: RecordActivity;
}

export type ActivityParse = { ok: true; rows: ParsedActivityRow[] } | { ok: false; problems: RowProblem[] };

/**
 * Turns template rows into RecordActivity commands, or every problem found (row, column,
 * reason). A row with an empty activity rate and no facility is a template row not filled in:
 * skipped, as the Toolkit's sheets list every class whether it occurs or not.
 */
export function parseActivityRows(rows: readonly SheetRow[], newLineId: () => string, headersBySheet: ReadonlyMap<string, readonly string[]>): ActivityParse {
  const problems: RowProblem[] = [];
  for (const [sheet, headers] of headersBySheet) {
    for (const column of REQUIRED_ACTIVITY_COLUMNS) {
      if (!headers.includes(column)) problems.push({ sheet, row: 1, column, reason: `The header row lacks the column "${column}".` });
    }
  }
  if (problems.length) return { ok: false, problems };
  const parsed: ParsedActivityRow[] = [];
  const seenLineIds = new Map<string, number>();
  for (const { sheet, row, cells } of rows) {
    const text = (column: ActivityColumn) => (cells[column] ?? '').trim();
    if (!text('activity_rate') && !text('facility_name') && !text('line_id')) continue;
    const problem = (column: ActivityColumn, reason: string) => problems.push({ sheet, row, column, reason });
    const classCode = text('class');
    if (!classCode) problem('class', 'The class code (e.g. 1a1) is missing.');
    const rate = parseRate(text('activity_rate'));
    if (rate === undefined) problem('activity_rate', `"${text('activity_rate')}" is not a number >= 0 (use a dot for decimals, no thousands separators).`);
    if (!text('unit')) problem('unit', 'The unit of the activity rate is missing (e.g. t, kt, TJ).');
    const lineId = text('line_id') || newLineId();
    const earlier = seenLineIds.get(lineId);
    if (earlier !== undefined) problem('line_id', `Line id ${lineId} is also used in row ${earlier}.`);
    seenLineIds.set(lineId, row);
    if (!classCode || rate === undefined || !text('unit') || earlier !== undefined) continue;
    parsed.push({
      sheet,
      row,
      command: {
        type: 'RecordActivity',
        lineId,
        classCode,
        facilityName: text('facility_name') || null,
        activityRate: rate,
        unit: text('unit'),
        dataSource: text('data_source'),
        note: text('note'),
      },
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows: parsed };
}

function parseRate(text: string): number | undefined {
  if (!/^\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

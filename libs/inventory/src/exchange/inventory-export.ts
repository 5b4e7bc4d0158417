import type { Writable } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import { type Release, type ReleaseCell, type Total, VECTORS } from '@upops/calculation';
import { type EditionState, compareCodes, csvLine, groupWorksheetName } from '@upops/catalogue';
import type { InventoryView, LineView } from '../application/inventory-views';
import { ACTIVITY_COLUMNS } from './activity-sheet';

/** Substances with at least one cell, in a stable order, and the release columns they give. */
function releaseColumns(lines: readonly LineView[]): { substance: string; vector: string; title: string }[] {
  const substances = [...new Set(lines.flatMap((l) => (l.cells ?? []).map((c) => c.substance)))].sort();
  return substances.flatMap((substance) => VECTORS.map((vector) => ({ substance, vector, title: `${substance} ${vector} (g/a)` })));
}

/** A release as a spreadsheet cell: a number, "low-high" for a range, NA or ND (never 0 for those). */
function releaseCell(release: Release | undefined): string | number {
  if (!release) return '';
  switch (release.kind) {
    case 'release':
      return release.grams;
    case 'range':
      return `${release.lowGrams}-${release.highGrams}`;
    case 'NA':
    case 'ND':
      return release.kind;
    default: {
      const unknown: never = release;
      return unknown;
    }
  }
}

function lineRecord(line: LineView, edition: EditionState, columns: ReturnType<typeof releaseColumns>): (string | number)[] {
  const cells = new Map((line.cells ?? []).map((c: ReleaseCell) => [`${c.substance}|${c.vector}`, c.release]));
  return [
    line.groupCode,
    line.categoryCode,
    line.classCode,
    edition.classes[line.classCode]?.name ?? '',
    line.facilityName ?? '',
    line.activityRate,
    line.unit,
    line.dataSource,
    line.note,
    line.lineId,
    ...columns.map((c) => (line.cells ? releaseCell(cells.get(`${c.substance}|${c.vector}`)) : 'not calculated')),
  ];
}

/** The inventory as CSV: the activity template's columns (so it re-imports) and the releases per substance and vector. */
export function exportInventoryCsv(view: InventoryView, edition: EditionState): string {
  const columns = releaseColumns(view.lines);
  const header = [...ACTIVITY_COLUMNS, ...columns.map((c) => c.title)];
  const records = view.lines.map((l) => lineRecord(l, edition, columns).map(String));
  return [header, ...records].map(csvLine).join('\r\n') + '\r\n';
}

/**
 * The inventory as a workbook: a summary (the inventory, totals per source group and vector)
 * and one sheet per source group in the activity template's layout with the releases beside.
 * Streamed row by row. Resolves once the stream has finished.
 */
export function exportInventoryXlsx(view: InventoryView, edition: EditionState, stream: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    writeWorkbook(view, edition, stream).then(() => {
      stream.off('error', reject);
      resolve();
    }, reject);
  });
}

async function writeWorkbook(view: InventoryView, edition: EditionState, stream: Writable): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const summary = workbook.addWorksheet('Summary');
  summary.columns = [{ width: 36 }, ...VECTORS.map(() => ({ width: 14 })), { width: 14 }];
  const facts: [string, string | number][] = [
    ['Party', view.party],
    ['Reference year', view.referenceYear],
    ['Catalogue edition', view.editionId],
    ['TEF scheme', view.tefScheme],
    ['Status', view.status],
    ['Version', view.version],
    ['Last change', view.updatedAt ?? ''],
    ['Unit', 'g TEQ/a for TEQ substances, g/a for mass substances; NA/ND cells add nothing and are not 0'],
  ];
  for (const fact of facts) summary.addRow(fact).commit();
  summary.addRow([]).commit();
  const byGroupVector = view.totals.groupVector;
  for (const substance of [...new Set(byGroupVector.map((t) => t.substance))].sort()) {
    const title = summary.addRow([`${substance}: releases by source group and vector`, ...VECTORS, 'total']);
    title.font = { bold: true };
    title.commit();
    const groups = [...new Set(byGroupVector.filter((t) => t.substance === substance).map((t) => t.keys.group ?? ''))].sort(compareCodes);
    for (const group of groups) {
      const cell = (vector: string) => grams(byGroupVector.find((t) => t.substance === substance && t.keys.group === group && t.keys.vector === vector));
      const total = grams(view.totals.group.find((t) => t.substance === substance && t.keys.group === group));
      summary.addRow([`${group} ${edition.groups[group]?.name ?? ''}`, ...VECTORS.map(cell), total]).commit();
    }
    const nation = (vector: string) => grams(view.totals.vector.find((t) => t.substance === substance && t.keys.vector === vector));
    const all = summary.addRow(['Total', ...VECTORS.map(nation), grams(view.totals.nation.find((t) => t.substance === substance))]);
    all.font = { bold: true };
    all.commit();
    summary.addRow([]).commit();
  }
  summary.commit();

  const columns = releaseColumns(view.lines);
  const groupCodes = [...new Set(view.lines.map((l) => l.groupCode))].sort(compareCodes);
  for (const code of groupCodes) {
    const sheet = workbook.addWorksheet(groupWorksheetName({ code, name: edition.groups[code]?.name ?? 'Source group' }), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [...ACTIVITY_COLUMNS, ...columns.map((c) => c.title)].map((header) => ({ header, width: Math.max(12, Math.min(40, header.length + 2)) }));
    for (const line of view.lines.filter((l) => l.groupCode === code)) sheet.addRow(lineRecord(line, edition, columns)).commit();
    sheet.commit();
  }
  await workbook.commit();
}

function grams(total: Total | undefined): number | string {
  if (!total) return '';
  return total.grams ?? (total.counts.ND ? 'ND' : 'NA');
}


import type { EditionState } from '../domain/catalogue.state';
import { FACTOR_SHEET_COLUMNS } from '../domain/factor-row';
import { csvLine } from './csv-line';
import { toolkitLayoutRows } from './toolkit-layout-rows';

/**
 * An edition as CSV text in the Toolkit's layout, the layout of the shipped classes.csv: same
 * header, one row per class and substance, ND as ND, NA as an empty cell, a range as "low-high".
 * parseCatalogueSheets reads it back into the same factors, so an expert can correct an
 * exported edition in a spreadsheet and import it as a new draft.
 */
export function exportEditionCsv(state: EditionState): string {
  const rows = toolkitLayoutRows(state).map((row) => csvLine(FACTOR_SHEET_COLUMNS.map((column) => row.cells[column])));
  const lines = [csvLine(FACTOR_SHEET_COLUMNS), ...rows];
  // LF and a final line break, as the shipped files.
  return `${lines.join('\n')}\n`;
}

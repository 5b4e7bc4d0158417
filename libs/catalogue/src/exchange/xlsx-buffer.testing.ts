// Test helpers for the exchange specs (no jest here, so it also compiles in the build).
import { PassThrough } from 'node:stream';
import type { EditionState } from '../domain/catalogue.state';
import { importedShipped } from '../testing/catalogue.fixtures';
import { exportEditionXlsx, type EditionXlsxExportOptions } from './edition-xlsx.export';

/** The shipped data as the draft edition "toolkit-2013". */
export function shippedEdition(): EditionState {
  return importedShipped().state.editions['toolkit-2013'];
}

/** The workbook exportEditionXlsx writes, kept in memory (no file left behind). */
export async function exportedXlsx(state: EditionState, options: EditionXlsxExportOptions = {}): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  // Read while writing: a PassThrough nobody reads stops at its buffer limit and never finishes.
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportEditionXlsx(state, stream, options);
  return Buffer.concat(chunks);
}

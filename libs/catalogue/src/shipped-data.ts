import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadShippedCatalogue, type ShippedCatalogue, type ShippedFile } from './domain/shipped-catalogue';

/** The one place that reads the data folder; the domain only ever sees text. */
export const SHIPPED_DATA_DIR = join(__dirname, '..', 'data');

export function readShippedFile(file: ShippedFile): string {
  return readFileSync(join(SHIPPED_DATA_DIR, file), 'utf8');
}

/**
 * The shipped catalogue, parsed. The files are part of the code, so a parse error is a defect
 * of this build: it throws, listing every bad row, instead of returning a partial catalogue.
 */
export function shippedCatalogue(): ShippedCatalogue {
  const result = loadShippedCatalogue(readShippedFile);
  if (!result.ok) {
    const rows = result.errors.map((e) => `${e.sheet} row ${e.row}, ${e.column}: ${e.reason}`);
    throw new Error(`The shipped catalogue data is malformed:\n${rows.join('\n')}`);
  }
  return result.value;
}

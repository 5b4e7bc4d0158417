import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';

/** sha256 (hex) of a value's canonical JSON: the same data always gives the same hash. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

import type { CatalogueEvent } from './catalogue.events';
import { CatalogueError, type CatalogueErrorCode } from './catalogue.errors';

/** What a command yields: the events to append, or the reason it was refused (nothing appended). */
export type Decision = { ok: true; events: CatalogueEvent[] } | { ok: false; error: CatalogueError };

export function accept(...events: CatalogueEvent[]): Decision {
  return { ok: true, events };
}

export function reject(code: CatalogueErrorCode, field: string, message: string): Decision {
  return { ok: false, error: new CatalogueError(code, field, message) };
}

export function isBlank(text: string | null | undefined): boolean {
  return (text ?? '').trim() === '';
}

import type { InventoryEvent } from './inventory.events';
import { InventoryError, type InventoryErrorCode, type LineConflict, type OverrideConflict } from './inventory.errors';

/** What a command yields: the events to append (maybe none), or why it was refused (nothing appended). */
export type Decision = { ok: true; events: InventoryEvent[] } | { ok: false; error: InventoryError };

export function accept(...events: InventoryEvent[]): Decision {
  return { ok: true, events };
}

export function reject(
  code: InventoryErrorCode,
  field: string,
  message: string,
  conflict: LineConflict | OverrideConflict | null = null,
): Decision {
  return { ok: false, error: new InventoryError(code, field, message, conflict) };
}

/** Thrown by guards inside a decision, caught once by `decide`: keeps each rule a one-liner. */
export class Refusal extends Error {
  constructor(readonly error: InventoryError) {
    super(error.message);
  }
}

export function refuse(
  code: InventoryErrorCode,
  field: string,
  message: string,
  conflict: LineConflict | OverrideConflict | null = null,
): never {
  throw new Refusal(new InventoryError(code, field, message, conflict));
}

export function isBlank(text: string | null | undefined): boolean {
  return (text ?? '').trim() === '';
}

/** Trimmed text, or null when blank. */
export function textOrNull(text: string | null | undefined): string | null {
  return isBlank(text) ? null : (text ?? '').trim();
}

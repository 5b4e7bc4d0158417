import type { ReviewActor } from './review.commands';
import { type ReviewError, ReviewErrorCode, refuse } from './review.errors';
import type { ReviewEvent } from './review.events';

/** What a command yields: events to append (maybe none), or why it was refused (nothing appended). */
export type ReviewDecision = { ok: true; events: ReviewEvent[] } | { ok: false; error: ReviewError };

export function accept(...events: ReviewEvent[]): ReviewDecision {
  return { ok: true, events };
}

export function requireText(text: string | null | undefined, code: ReviewErrorCode, field: string, message: string): string {
  const trimmed = textOrNull(text, field);
  if (!trimmed) refuse(code, field, message);
  return trimmed;
}

/**
 * Text as stored: trimmed, null when empty. NUL and lone surrogates are refused here, at the door:
 * PostgreSQL's jsonb cannot hold them and would fail the append with a 500 instead.
 */
export function textOrNull(text: string | null | undefined, field = 'text'): string | null {
  const trimmed = (text ?? '').trim();
  if (!isStorableText(trimmed)) refuse(ReviewErrorCode.INVALID_INPUT, field, 'The text holds a NUL character or a broken (lone surrogate) character');
  return trimmed || null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The acting person; the workflow (`system`) only lapses approvals. */
export function requirePerson(actor: ReviewActor): Extract<ReviewActor, { kind: 'person' }> {
  if (actor.kind !== 'person') refuse(ReviewErrorCode.FORBIDDEN, 'actor', 'Only a person may do this');
  return actor;
}

export function forbidden(message: string): never {
  refuse(ReviewErrorCode.FORBIDDEN, 'inventoryId', message);
}

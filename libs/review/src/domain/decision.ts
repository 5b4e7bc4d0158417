import type { ReviewActor } from './review.commands';
import { type ReviewError, ReviewErrorCode, refuse } from './review.errors';
import type { ReviewEvent } from './review.events';

/** What a command yields: events to append (maybe none), or why it was refused (nothing appended). */
export type ReviewDecision = { ok: true; events: ReviewEvent[] } | { ok: false; error: ReviewError };

export function accept(...events: ReviewEvent[]): ReviewDecision {
  return { ok: true, events };
}

export function requireText(text: string | null | undefined, code: ReviewErrorCode, field: string, message: string): string {
  const trimmed = (text ?? '').trim();
  if (!trimmed) refuse(code, field, message);
  return trimmed;
}

export function textOrNull(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed || null;
}

/** The acting person; the workflow (`system`) only lapses approvals. */
export function requirePerson(actor: ReviewActor): Extract<ReviewActor, { kind: 'person' }> {
  if (actor.kind !== 'person') refuse(ReviewErrorCode.FORBIDDEN, 'actor', 'Only a person may do this');
  return actor;
}

export function forbidden(message: string): never {
  refuse(ReviewErrorCode.FORBIDDEN, 'inventoryId', message);
}

import type { ActivityLine, EmissionFactorOverride } from './inventory.types';

/** Why the inventory refused a command. Mapped once, exhaustively, to API errors. */
export enum InventoryErrorCode {
  INVENTORY_NOT_FOUND = 'INVENTORY_NOT_FOUND',
  /** The caller's organisation or roles do not allow this on this Party's inventory. */
  FORBIDDEN = 'FORBIDDEN',
  INVENTORY_EXISTS = 'INVENTORY_EXISTS',
  INVENTORY_CLOSED = 'INVENTORY_CLOSED',
  INVENTORY_NOT_CLOSED = 'INVENTORY_NOT_CLOSED',
  INVALID_INPUT = 'INVALID_INPUT',
  LINE_NOT_FOUND = 'LINE_NOT_FOUND',
  LINE_EXISTS = 'LINE_EXISTS',
  LINE_DUPLICATE = 'LINE_DUPLICATE',
  LINE_CONFLICT = 'LINE_CONFLICT',
  INVALID_ACTIVITY = 'INVALID_ACTIVITY',
  UNIT_UNKNOWN = 'UNIT_UNKNOWN',
  UNIT_INCOMPATIBLE = 'UNIT_INCOMPATIBLE',
  CLASS_NOT_FOUND = 'CLASS_NOT_FOUND',
  CATEGORY_NOT_FOUND = 'CATEGORY_NOT_FOUND',
  CATEGORY_NOT_OCCURRING = 'CATEGORY_NOT_OCCURRING',
  CATEGORY_HAS_ACTIVITY = 'CATEGORY_HAS_ACTIVITY',
  CATEGORY_ALREADY_MARKED = 'CATEGORY_ALREADY_MARKED',
  CATEGORY_NOT_MARKED = 'CATEGORY_NOT_MARKED',
  EDITION_NOT_PUBLISHED = 'EDITION_NOT_PUBLISHED',
  EDITION_UNCHANGED = 'EDITION_UNCHANGED',
  EDITION_LACKS_CLASSES = 'EDITION_LACKS_CLASSES',
  TEF_SCHEME_NOT_FOUND = 'TEF_SCHEME_NOT_FOUND',
  INVALID_FACTOR = 'INVALID_FACTOR',
  OVERRIDE_NOT_FOUND = 'OVERRIDE_NOT_FOUND',
  OVERRIDE_EXISTS = 'OVERRIDE_EXISTS',
  OVERRIDE_CONFLICT = 'OVERRIDE_CONFLICT',
  JUSTIFICATION_REQUIRED = 'JUSTIFICATION_REQUIRED',
  REFERENCE_REQUIRED = 'REFERENCE_REQUIRED',
  EXPLANATION_REQUIRED = 'EXPLANATION_REQUIRED',
  NOTE_REQUIRED = 'NOTE_REQUIRED',
  REASON_REQUIRED = 'REASON_REQUIRED',
}

/**
 * The line changed since the client read it: what the client needs to show the current value and
 * let the person redo (or drop) their edit.
 */
export interface LineConflict {
  lineId: string;
  expectedRevision: number;
  actualRevision: number;
  currentLine: ActivityLine;
}

/**
 * A class-wide factor changed since the client read it (another override, or none any more):
 * the one in force now, or null.
 */
export interface OverrideConflict {
  expectedOverrideId: string | null;
  currentOverride: EmissionFactorOverride | null;
}

/**
 * A refused command: the code, the offending field (a path into the command, e.g.
 * "changes.activityRate"), a sentence for people and, for conflicts, what is there now.
 */
export class InventoryError extends Error {
  constructor(
    readonly code: InventoryErrorCode,
    readonly field: string,
    message: string,
    readonly conflict: LineConflict | OverrideConflict | null = null,
  ) {
    super(message);
    this.name = 'InventoryError';
  }
}

export function isLineConflict(error: InventoryError): error is InventoryError & { conflict: LineConflict } {
  return error.code === InventoryErrorCode.LINE_CONFLICT && error.conflict !== null && 'currentLine' in error.conflict;
}

export function isOverrideConflict(error: InventoryError): error is InventoryError & { conflict: OverrideConflict } {
  return error.code === InventoryErrorCode.OVERRIDE_CONFLICT && error.conflict !== null && 'currentOverride' in error.conflict;
}

import { compareText, type InventoryState, isOpened } from './inventory.state';
import type { ActivityLine, EmissionFactorOverride, NotOccurring } from './inventory.types';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One record present on both sides with different content. */
export interface RecordChange<T> {
  id: string;
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface RecordDiff<T> {
  added: T[];
  removed: T[];
  changed: RecordChange<T>[];
}

/**
 * What differs between two states of an inventory (two points of its history, or two
 * inventories): header fields, lines, overrides and categories stated not occurring. Lists come
 * in a stable order (lines by class, facility and id; the rest by id) so a diff can be shown as it is.
 */
export interface InventoryDiff {
  header: FieldChange[];
  /** A line's revision alone is not a change: it also moves when the line's factor changes (see overrides). */
  lines: RecordDiff<ActivityLine>;
  overrides: RecordDiff<EmissionFactorOverride>;
  notOccurring: RecordDiff<NotOccurring>;
}

const HEADER_FIELDS = ['inventoryId', 'party', 'referenceYear', 'editionId', 'tefScheme', 'status'] as const;
const LINE_FIELDS = ['classCode', 'categoryCode', 'facilityName', 'activityRate', 'unit', 'dataSource', 'note'] as const;
const OVERRIDE_FIELDS = ['scope', 'substance', 'vector', 'value', 'unit', 'justification', 'reference'] as const;

/** From `before` to `after`: what was added, removed and changed. An absent inventory has nothing. */
export function diffInventories(before: InventoryState, after: InventoryState): InventoryDiff {
  const a = isOpened(before) ? before : undefined;
  const b = isOpened(after) ? after : undefined;
  const header =
    a && b
      ? HEADER_FIELDS.filter((field) => a[field] !== b[field]).map((field) => ({ field, before: a[field] as unknown, after: b[field] as unknown }))
      : [];
  return {
    header,
    lines: diffRecords(a?.lines ?? {}, b?.lines ?? {}, LINE_FIELDS, byLine),
    overrides: diffRecords(a?.overrides ?? {}, b?.overrides ?? {}, OVERRIDE_FIELDS, (x, y) => compareText(x.overrideId, y.overrideId)),
    notOccurring: diffRecords(a?.notOccurring ?? {}, b?.notOccurring ?? {}, ['note'] as const, (x, y) => compareText(x.categoryCode, y.categoryCode)),
  };
}

export function isEmptyDiff(diff: InventoryDiff): boolean {
  return diff.header.length === 0 && [diff.lines, diff.overrides, diff.notOccurring].every((part) => part.added.length + part.removed.length + part.changed.length === 0);
}

function byLine(x: ActivityLine, y: ActivityLine): number {
  return compareText(x.classCode, y.classCode) || compareText(x.facilityName ?? '', y.facilityName ?? '') || compareText(x.lineId, y.lineId);
}

function diffRecords<T extends object>(
  before: Record<string, T>,
  after: Record<string, T>,
  fields: readonly (keyof T & string)[],
  order: (x: T, y: T) => number,
): RecordDiff<T> {
  const added = Object.keys(after).filter((id) => !before[id]).map((id) => after[id]).sort(order);
  const removed = Object.keys(before).filter((id) => !after[id]).map((id) => before[id]).sort(order);
  const changed = Object.keys(after)
    .filter((id) => before[id])
    .sort((x, y) => order(after[x], after[y]))
    .map((id) => ({
      id,
      before: before[id],
      after: after[id],
      fields: fields
        .filter((field) => !sameValue(before[id][field], after[id][field]))
        .map((field) => ({ field, before: before[id][field] as unknown, after: after[id][field] as unknown })),
    }))
    .filter((change) => change.fields.length > 0);
  return { added, removed, changed };
}

/** Structural equality of plain data (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

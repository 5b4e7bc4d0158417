import type { Vector } from '@upops/catalogue';
import type { ActivityLine, EmissionFactorOverride, LineChanges, OverrideScope } from './inventory.types';

/**
 * The inventory's events: past tense, in the Toolkit's words, plain data, in the event store's
 * `NewEvent` shape ({ type, data, schemaVersion }) without importing it. One stream per inventory
 * (`inventory-<inventoryId>`). Every event carries the inventory id and what a projection needs
 * to update its rows without reading the stream (a line event carries the line's new revision).
 */
interface InventoryEventOf<Type extends string, Data> {
  type: Type;
  data: Data;
  schemaVersion: 1;
}

export type InventoryOpened = InventoryEventOf<
  'InventoryOpened',
  { inventoryId: string; party: string; referenceYear: number; editionId: string; tefScheme: string; openedAt: string }
>;

/** A line entered the inventory, at revision 1. */
export type ActivityRecorded = InventoryEventOf<'ActivityRecorded', { inventoryId: string; line: ActivityLine }>;

/**
 * Some fields of a line changed: their new values (`changes`, with `categoryCode` when the class
 * changed) and their values before (`previous`), the line's new revision, and its class and
 * facility after the change (to name the line in history without reading the stream).
 */
export type ActivityRevised = InventoryEventOf<
  'ActivityRevised',
  {
    inventoryId: string;
    lineId: string;
    classCode: string;
    facilityName: string | null;
    revision: number;
    changes: LineChanges & { categoryCode?: string };
    previous: LineChanges & { categoryCode?: string };
  }
>;

/** A line left the inventory, and with it the overrides scoped to it. `revision` is its last one. */
export type ActivityRemoved = InventoryEventOf<
  'ActivityRemoved',
  {
    inventoryId: string;
    lineId: string;
    classCode: string;
    categoryCode: string;
    facilityName: string | null;
    revision: number;
    withdrawnOverrideIds: string[];
    reason: string | null;
  }
>;

/**
 * A country-specific factor is in force. `replacedOverrideId` names the one it replaces (same
 * scope, substance and vector); `lineRevision` is the line's new revision for a line scope;
 * `classCode` is the class whose factor is replaced (the line's class for a line scope).
 */
export type EmissionFactorOverridden = InventoryEventOf<
  'EmissionFactorOverridden',
  { inventoryId: string; override: EmissionFactorOverride; classCode: string; replacedOverrideId: string | null; lineRevision: number | null }
>;

export type EmissionFactorOverrideWithdrawn = InventoryEventOf<
  'EmissionFactorOverrideWithdrawn',
  {
    inventoryId: string;
    overrideId: string;
    scope: OverrideScope;
    classCode: string;
    substance: string;
    vector: Vector;
    lineRevision: number | null;
    reason: string | null;
  }
>;

export type CategoryMarkedNotOccurring = InventoryEventOf<
  'CategoryMarkedNotOccurring',
  { inventoryId: string; categoryCode: string; note: string }
>;

export type CategoryUnmarked = InventoryEventOf<'CategoryUnmarked', { inventoryId: string; categoryCode: string; reason: string | null }>;

/** The inventory now refers to another catalogue edition; the explanation says why. */
export type EditionSwitched = InventoryEventOf<
  'EditionSwitched',
  { inventoryId: string; fromEditionId: string; toEditionId: string; explanation: string }
>;

/** The inventory is frozen for review (the review context keeps the submission snapshot). */
export type InventorySubmitted = InventoryEventOf<'InventorySubmitted', { inventoryId: string; submissionId: string; submittedAt: string }>;

/** The inventory is a draft again, e.g. after a request for change. */
export type InventoryReopened = InventoryEventOf<'InventoryReopened', { inventoryId: string; reason: string }>;

export type InventoryEvent =
  | InventoryOpened
  | ActivityRecorded
  | ActivityRevised
  | ActivityRemoved
  | EmissionFactorOverridden
  | EmissionFactorOverrideWithdrawn
  | CategoryMarkedNotOccurring
  | CategoryUnmarked
  | EditionSwitched
  | InventorySubmitted
  | InventoryReopened;

export type InventoryEventType = InventoryEvent['type'];

export const INVENTORY_EVENT_TYPES: readonly InventoryEventType[] = [
  'InventoryOpened',
  'ActivityRecorded',
  'ActivityRevised',
  'ActivityRemoved',
  'EmissionFactorOverridden',
  'EmissionFactorOverrideWithdrawn',
  'CategoryMarkedNotOccurring',
  'CategoryUnmarked',
  'EditionSwitched',
  'InventorySubmitted',
  'InventoryReopened',
];

export const INVENTORY_STREAM_TYPE = 'inventory';

export function inventoryStreamId(inventoryId: string): string {
  return `inventory-${inventoryId}`;
}

export function inventoryEvent<E extends InventoryEvent>(type: E['type'], data: E['data']): E {
  return { type, data, schemaVersion: 1 } as E;
}

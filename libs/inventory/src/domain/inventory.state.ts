import type { InventoryEvent } from './inventory.events';
import {
  type ActivityLine,
  type EmissionFactorOverride,
  type InventoryStatus,
  type NotOccurring,
  overrideKey,
} from './inventory.types';

/** An inventory as a decision (or a point of its history) sees it. */
export interface OpenedInventory {
  status: InventoryStatus;
  inventoryId: string;
  party: string;
  referenceYear: number;
  editionId: string;
  tefScheme: string;
  openedAt: string;
  /** Lines in force, by line id. */
  lines: Record<string, ActivityLine>;
  /** Overrides in force, by override id. */
  overrides: Record<string, EmissionFactorOverride>;
  /** Categories stated not occurring, by category code. */
  notOccurring: Record<string, NotOccurring>;
  /** Ids of removed lines: never reused, so history and diffs stay unambiguous. */
  retiredLineIds: Record<string, true>;
  /** Number of events applied: the stream version this state is at. */
  version: number;
}

export type InventoryState = { status: 'absent'; version: 0 } | OpenedInventory;

export const NO_INVENTORY: InventoryState = { status: 'absent', version: 0 };

export function isOpened(state: InventoryState): state is OpenedInventory {
  return state.status !== 'absent';
}

/** Applies one event. Pure; events that do not fit the state (never produced by `decide`) are ignored. */
export function evolve(state: InventoryState, event: InventoryEvent): InventoryState {
  if (event.type === 'InventoryOpened') {
    const { inventoryId, party, referenceYear, editionId, tefScheme, openedAt } = event.data;
    return {
      status: 'draft',
      inventoryId,
      party,
      referenceYear,
      editionId,
      tefScheme,
      openedAt,
      lines: {},
      overrides: {},
      notOccurring: {},
      retiredLineIds: {},
      version: state.version + 1,
    };
  }
  if (!isOpened(state)) return state;
  return { ...apply(state, event), version: state.version + 1 };
}

function apply(state: OpenedInventory, event: Exclude<InventoryEvent, { type: 'InventoryOpened' }>): OpenedInventory {
  switch (event.type) {
    case 'ActivityRecorded':
      return { ...state, lines: { ...state.lines, [event.data.line.lineId]: { ...event.data.line } } };
    case 'ActivityRevised': {
      const line = state.lines[event.data.lineId];
      if (!line) return state;
      return { ...state, lines: { ...state.lines, [line.lineId]: { ...line, ...event.data.changes, revision: event.data.revision } } };
    }
    case 'ActivityRemoved': {
      const lines = without(state.lines, event.data.lineId);
      const withdrawn = new Set(event.data.withdrawnOverrideIds);
      const overrides = Object.fromEntries(Object.entries(state.overrides).filter(([id]) => !withdrawn.has(id)));
      return { ...state, lines, overrides, retiredLineIds: { ...state.retiredLineIds, [event.data.lineId]: true } };
    }
    case 'EmissionFactorOverridden': {
      const { override, replacedOverrideId, lineRevision } = event.data;
      const kept = Object.entries(state.overrides).filter(([id]) => id !== replacedOverrideId);
      const overrides = Object.fromEntries([...kept, [override.overrideId, override]]);
      return { ...withLineRevision(state, override.scope, lineRevision), overrides };
    }
    case 'EmissionFactorOverrideWithdrawn': {
      const overrides = without(state.overrides, event.data.overrideId);
      return { ...withLineRevision(state, event.data.scope, event.data.lineRevision), overrides };
    }
    case 'CategoryMarkedNotOccurring': {
      const { categoryCode, note } = event.data;
      return { ...state, notOccurring: { ...state.notOccurring, [categoryCode]: { categoryCode, note } } };
    }
    case 'CategoryUnmarked':
      return { ...state, notOccurring: without(state.notOccurring, event.data.categoryCode) };
    case 'EditionSwitched':
      return { ...state, editionId: event.data.toEditionId };
    case 'InventorySubmitted':
      return { ...state, status: 'submitted' };
    case 'InventoryReopened':
      return { ...state, status: 'draft' };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => id !== key));
}

function withLineRevision(state: OpenedInventory, scope: EmissionFactorOverride['scope'], revision: number | null): OpenedInventory {
  if (scope.kind !== 'line' || revision === null) return state;
  const line = state.lines[scope.lineId];
  if (!line) return state;
  return { ...state, lines: { ...state.lines, [line.lineId]: { ...line, revision } } };
}

/** The state after these events, from the start of the stream. */
export function replay(events: readonly InventoryEvent[]): InventoryState {
  return events.reduce(evolve, NO_INVENTORY);
}

/** Time travel: the inventory as it was at stream version `version` (its first `version` events). */
export function stateAtVersion(events: readonly InventoryEvent[], version: number): InventoryState {
  return replay(events.slice(0, Math.max(0, version)));
}

/** The override in force for a scope, substance and vector, if any. */
export function overrideInForce(
  state: OpenedInventory,
  scope: EmissionFactorOverride['scope'],
  substance: string,
  vector: EmissionFactorOverride['vector'],
): EmissionFactorOverride | undefined {
  const key = overrideKey(scope, substance, vector);
  return Object.values(state.overrides).find((o) => overrideKey(o.scope, o.substance, o.vector) === key);
}

/** Lines in a stable order: by class, then facility, then id. */
export function linesInOrder(state: OpenedInventory): ActivityLine[] {
  return Object.values(state.lines).sort(
    (a, b) =>
      compareText(a.classCode, b.classCode) || compareText(a.facilityName ?? '', b.facilityName ?? '') || compareText(a.lineId, b.lineId),
  );
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { EmissionFactorValue } from '@upops/catalogue';
import type { InventoryEvent, InventoryEventType } from './inventory.events';
import type { LineChanges, OverrideScope } from './inventory.types';

/** Who and when of a stored event, as the event store keeps them (metadata and recordedAt). */
export interface HistoryMetadata {
  /** The actor's account id. */
  actor: string;
  /** The actor's name for people, when the caller knows it. */
  actorName?: string | null;
  at: Date | string;
  /** The event's stream version: where time travel goes back to. */
  version?: number | null;
}

/** One line of an inventory's timeline: who did what, to which line or category, and why. */
export interface HistoryEntry {
  at: string;
  actor: string;
  version: number | null;
  type: InventoryEventType;
  lineId: string | null;
  categoryCode: string | null;
  /** A sentence for people, e.g. "Revised 1a1 (Dandora) to revision 2: activity rate 1000 → 1200". */
  what: string;
  /** The justification, explanation, note or reason the person gave, when there is one. */
  why: string | null;
}

/** Turns one event into a line of the timeline. Pure: names and times come in the metadata. */
export function historyEntry(event: InventoryEvent, metadata: HistoryMetadata): HistoryEntry {
  const base = {
    at: typeof metadata.at === 'string' ? metadata.at : metadata.at.toISOString(),
    actor: metadata.actorName?.trim() || metadata.actor,
    version: metadata.version ?? null,
    type: event.type,
  };
  return { ...base, ...describe(event) };
}

type Described = Pick<HistoryEntry, 'lineId' | 'categoryCode' | 'what' | 'why'>;

function describe(event: InventoryEvent): Described {
  switch (event.type) {
    case 'InventoryOpened': {
      const d = event.data;
      return entry(`Opened the ${d.referenceYear} inventory of ${d.party} (edition ${d.editionId}, TEF scheme ${d.tefScheme})`);
    }
    case 'ActivityRecorded': {
      const l = event.data.line;
      const source = l.dataSource ? `; source: ${l.dataSource}` : '';
      return {
        lineId: l.lineId,
        categoryCode: l.categoryCode,
        what: `Recorded ${label(l.classCode, l.facilityName)}: ${l.activityRate} ${l.unit}${source}`,
        why: l.note || null,
      };
    }
    case 'ActivityRevised': {
      const d = event.data;
      const changes = (Object.keys(d.previous) as (keyof typeof d.previous)[])
        .filter((field) => field !== 'categoryCode')
        .map((field) => `${FIELD_NAMES[field]} ${shown(d.previous[field])} → ${shown(d.changes[field])}`);
      return {
        lineId: d.lineId,
        categoryCode: d.changes.categoryCode ?? null,
        what: `Revised ${label(d.classCode, d.facilityName)} to revision ${d.revision}: ${changes.join('; ')}`,
        why: d.changes.note || null,
      };
    }
    case 'ActivityRemoved': {
      const d = event.data;
      const overrides = d.withdrawnOverrideIds.length ? ` and its ${count(d.withdrawnOverrideIds.length, 'country-specific factor')}` : '';
      return { lineId: d.lineId, categoryCode: d.categoryCode, what: `Removed ${label(d.classCode, d.facilityName)}${overrides}`, why: d.reason };
    }
    case 'EmissionFactorOverridden': {
      const { override: o, classCode, replacedOverrideId } = event.data;
      const verb = replacedOverrideId ? 'Replaced the country-specific factor' : 'Set a country-specific factor';
      return {
        lineId: lineOf(o.scope),
        categoryCode: null,
        what: `${verb} of ${o.substance} to ${o.vector} for ${scopeLabel(o.scope, classCode)}: ${factorText(o.value, o.unit)} (${o.reference})`,
        why: o.justification,
      };
    }
    case 'EmissionFactorOverrideWithdrawn': {
      const d = event.data;
      return {
        lineId: lineOf(d.scope),
        categoryCode: null,
        what: `Withdrew the country-specific factor of ${d.substance} to ${d.vector} for ${scopeLabel(d.scope, d.classCode)}`,
        why: d.reason,
      };
    }
    case 'CategoryMarkedNotOccurring':
      return { lineId: null, categoryCode: event.data.categoryCode, what: `Marked category ${event.data.categoryCode} not occurring`, why: event.data.note };
    case 'CategoryUnmarked':
      return {
        lineId: null,
        categoryCode: event.data.categoryCode,
        what: `Unmarked category ${event.data.categoryCode}: it may occur`,
        why: event.data.reason,
      };
    case 'EditionSwitched':
      return { ...entry(`Switched from edition ${event.data.fromEditionId} to ${event.data.toEditionId}`), why: event.data.explanation };
    case 'InventorySubmitted':
      return entry(`Submitted the inventory (submission ${event.data.submissionId})`);
    case 'InventoryReopened':
      return { ...entry('Reopened the inventory for drafting'), why: event.data.reason };
    default: {
      const unhandled: never = event;
      return entry(`Unknown event ${JSON.stringify(unhandled)}`);
    }
  }
}

const FIELD_NAMES: Record<keyof LineChanges, string> = {
  classCode: 'class',
  facilityName: 'facility',
  activityRate: 'activity rate',
  unit: 'unit',
  dataSource: 'data source',
  note: 'note',
};

function entry(what: string): Described {
  return { lineId: null, categoryCode: null, what, why: null };
}

function label(classCode: string, facilityName: string | null): string {
  return facilityName ? `${classCode} (${facilityName})` : classCode;
}

function scopeLabel(scope: OverrideScope, classCode: string): string {
  return scope.kind === 'line' ? `line ${scope.lineId} of ${classCode}` : `every line of ${classCode}`;
}

function lineOf(scope: OverrideScope): string | null {
  return scope.kind === 'line' ? scope.lineId : null;
}

/** Values as people read them: numbers as written (no locale), text quoted, nothing as "—". */
function shown(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? String(value) : `"${value}"`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function factorText(value: EmissionFactorValue, unit: string): string {
  switch (value.kind) {
    case 'value':
      return `${value.value} ${unit}`;
    case 'range':
      return `${value.low}–${value.high} ${unit}`;
    case 'NA':
      return 'NA (not applicable)';
    case 'ND':
      return 'ND (no factor)';
    default: {
      const unhandled: never = value;
      return JSON.stringify(unhandled);
    }
  }
}

import type { EmissionFactorValue, Vector } from '@upops/catalogue';

/**
 * The inventory's vocabulary as plain data (JSON-safe, no classes, no Dates): these shapes travel
 * inside events and read models as they are. Only types come from the catalogue.
 */

/** What a drafter states about one line: a class (optionally a facility) and its activity. */
export interface LineFields {
  classCode: string;
  /** Null when the line covers the whole class rather than one facility. */
  facilityName: string | null;
  /** Amount per year in `unit`; finite and >= 0. */
  activityRate: number;
  /** The activity's unit; compatible with the class's unit (e.g. "kt" for "t of waste burned"). */
  unit: string;
  /** Where the number comes from (statistics office, survey, estimate ...); may be empty. */
  dataSource: string;
  note: string;
}

/** One line of an inventory, with its own revision: 1 when recorded, +1 per revise or override. */
export interface ActivityLine extends LineFields {
  lineId: string;
  /** The class's category in the inventory's edition (derived, kept for projections and checks). */
  categoryCode: string;
  revision: number;
}

/** The fields a revision may change (the category follows the class). */
export type LineChanges = Partial<LineFields>;

/** What a country-specific factor replaces: the factor of one line, or of a class for every line of it. */
export type OverrideScope = { kind: 'line'; lineId: string } | { kind: 'class'; classCode: string };

/** A country-specific emission factor, always justified and referenced. */
export interface EmissionFactorOverride {
  overrideId: string;
  scope: OverrideScope;
  substance: string;
  vector: Vector;
  value: EmissionFactorValue;
  /** e.g. "µg TEQ/t"; empty only for NA and ND. */
  unit: string;
  justification: string;
  reference: string;
}

/** A category the Party states does not occur in its territory (the Toolkit's "NO"). */
export interface NotOccurring {
  categoryCode: string;
  note: string;
}

/** draft: being edited; submitted: frozen until reopened. */
export type InventoryStatus = 'draft' | 'submitted';

/** One override per scope, substance and vector is in force at a time. */
export function overrideKey(scope: OverrideScope, substance: string, vector: Vector): string {
  const where = scope.kind === 'line' ? `line:${scope.lineId}` : `class:${scope.classCode}`;
  return `${where}|${substance}|${vector}`;
}

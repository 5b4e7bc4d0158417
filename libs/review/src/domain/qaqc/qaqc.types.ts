import type { AnnexCMapping, EditionState } from '@upops/catalogue';
import type { InventoryReleases, OpenedInventory } from '@upops/inventory';

/** A blocker stops a submission; a warning lets it through once someone comments on it. */
export type QaqcSeverity = 'blocker' | 'warning';

export const QAQC_RULES = [
  'UNIT_INCOMPATIBLE',
  'ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE',
  'TOTAL_JUMP',
  'ANNEX_C_PART_II_NOT_ADDRESSED',
  'ND_CELLS',
  'RESIDUE_REUSE_DOUBLE_COUNTING',
] as const;
export type QaqcRule = (typeof QAQC_RULES)[number];

export type QaqcSubject =
  | { kind: 'inventory' }
  | { kind: 'category'; categoryCode: string }
  | { kind: 'line'; lineId: string; classCode: string };

/**
 * One finding of a check. `findingId` is stable for the same rule and subject (e.g.
 * "ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE:line:l-7"), so a comment given on a warning still matches
 * when the checks run again on the next submission.
 */
export interface QaqcFinding {
  findingId: string;
  rule: QaqcRule;
  severity: QaqcSeverity;
  subject: QaqcSubject;
  /** For people: what was found and what to do. */
  message: string;
}

/** A plausible range for activity rates whose class unit is of this dimension (a screening rule, not a Toolkit value). */
export interface PlausibleRange {
  /** The unit the bounds are in, e.g. "t" or "TJ"; a class unit converts to it or the range does not apply. */
  unit: string;
  min: number;
  max: number;
  /** Why these bounds (shown in the finding and the closing note). */
  basis: string;
}

export interface QaqcOptions {
  /** A national PCDD/PCDF total more than this many times (or less than 1/this) the previous inventory's is a warning. */
  totalJumpFactor: number;
  plausibleRanges: readonly PlausibleRange[];
  /** Categories whose feed may be another process's residue (landfills, cement kilns ...), with why. */
  residueReceivingCategories: Readonly<Record<string, string>>;
}

export interface QaqcInput {
  inventory: OpenedInventory;
  /** `inventoryReleases(inventory, edition)`: computed lines, refused lines, totals. */
  releases: InventoryReleases;
  edition: EditionState;
  annexC: readonly AnnexCMapping[];
  /** The Party's latest earlier inventory, when it has one: its national PCDD/PCDF total in g TEQ/a. */
  previous: { inventoryId: string; referenceYear: number; nationalTotalGrams: number } | null;
}

import type { EditionState, EmissionFactor, TefScheme } from '@upops/catalogue';
import type { ActivityLine, EmissionFactorOverride, InventoryReleases, InventoryTotals, NotOccurring, OpenedInventory, UncalculatedLine } from '@upops/inventory';
import type { ReleaseCell } from '@upops/calculation';
import type { QaqcFinding } from './qaqc/qaqc.types';
import type { Acknowledgement, Approval } from './review.types';

export const SNAPSHOT_FORMAT = 'upops-submission/1';

/** A factor as it was applied to a line: the edition's, or the Party's own with its justification. */
export interface SnapshotFactor {
  substance: string;
  vector: string;
  value: EmissionFactor['value'];
  unit: string;
  source: 'edition' | 'country-specific';
  /** Edition factors: the Toolkit reference; country-specific ones: their reference and justification. */
  reference: string;
  justification: string | null;
  overrideId: string | null;
}

export interface SnapshotLine extends ActivityLine {
  groupCode: string;
  className: string;
  classActivityUnit: string;
  factors: SnapshotFactor[];
  /** Null when the calculation refused the line (see `uncalculated`). */
  releases: ReleaseCell[] | null;
}

/**
 * Everything a submission states, frozen: the lines with the factors applied, the edition and TEF
 * scheme, the releases and totals, and the engine that computed them. Its canonical JSON is hashed.
 */
export interface SubmissionSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  engineVersion: string;
  inventory: { inventoryId: string; party: string; referenceYear: number; revision: number; inventoryVersion: number; openedAt: string };
  edition: { editionId: string; title: string; publishedAt: string | null };
  tefScheme: TefScheme | { id: string };
  lines: SnapshotLine[];
  overrides: EmissionFactorOverride[];
  notOccurring: NotOccurring[];
  totals: InventoryTotals;
  uncalculated: UncalculatedLine[];
  qaqc: { findings: QaqcFinding[]; acknowledgements: Acknowledgement[] };
  approvals: { subject: Approval['subject']; approvedBy: string; approvedAt: string }[];
}

export interface SnapshotInput {
  inventory: OpenedInventory;
  revision: number;
  releases: InventoryReleases;
  edition: EditionState;
  tefScheme: TefScheme | undefined;
  engineVersion: string;
  findings: QaqcFinding[];
  acknowledgements: Acknowledgement[];
  approvals: Approval[];
}

/** Builds the snapshot; pure and deterministic (lines, overrides, statements in code order). */
export function submissionSnapshot(input: SnapshotInput): SubmissionSnapshot {
  const { inventory, edition, releases } = input;
  const cells = new Map(releases.lines.map((l) => [l.lineId, l.cells]));
  const overrides = Object.values(inventory.overrides).sort((a, b) => byText(a.overrideId, b.overrideId));
  const lines = Object.values(inventory.lines)
    .sort((a, b) => byText(a.classCode, b.classCode) || byText(a.lineId, b.lineId))
    .map((line): SnapshotLine => {
      const sourceClass = edition.classes[line.classCode];
      return {
        ...line,
        groupCode: edition.categories[line.categoryCode]?.groupCode ?? '',
        className: sourceClass?.name ?? '',
        classActivityUnit: sourceClass?.activityUnit ?? '',
        factors: factorsApplied(line, edition, overrides),
        releases: cells.get(line.lineId) ?? null,
      };
    });
  const publishedAt = edition.edition.status === 'published' ? edition.edition.publishedAt : null;
  return {
    format: SNAPSHOT_FORMAT,
    engineVersion: input.engineVersion,
    inventory: {
      inventoryId: inventory.inventoryId,
      party: inventory.party,
      referenceYear: inventory.referenceYear,
      revision: input.revision,
      inventoryVersion: inventory.version,
      openedAt: inventory.openedAt,
    },
    edition: { editionId: edition.edition.id, title: edition.edition.title, publishedAt },
    tefScheme: input.tefScheme ?? { id: inventory.tefScheme },
    lines,
    overrides,
    notOccurring: Object.values(inventory.notOccurring).sort((a, b) => byText(a.categoryCode, b.categoryCode)),
    totals: releases.totals,
    uncalculated: releases.uncalculated,
    qaqc: { findings: input.findings, acknowledgements: input.acknowledgements },
    approvals: input.approvals
      .filter((a) => a.lapsed === null)
      .map((a) => ({ subject: a.subject, approvedBy: a.approvedBy, approvedAt: a.approvedAt })),
  };
}

/** The line's factors: the edition's for its class, each replaced by a line override, else a class override. */
function factorsApplied(line: ActivityLine, edition: EditionState, overrides: EmissionFactorOverride[]): SnapshotFactor[] {
  const own = (o: EmissionFactorOverride) => o.scope.kind === 'line' && o.scope.lineId === line.lineId;
  const classWide = (o: EmissionFactorOverride) => o.scope.kind === 'class' && o.scope.classCode === line.classCode;
  const chosen = new Map<string, SnapshotFactor>();
  for (const factor of Object.values(edition.factors).filter((f) => f.classCode === line.classCode)) {
    chosen.set(`${factor.substance}|${factor.vector}`, {
      substance: factor.substance,
      vector: factor.vector,
      value: factor.value,
      unit: factor.unit,
      source: 'edition',
      reference: factor.reference,
      justification: null,
      overrideId: null,
    });
  }
  for (const override of [...overrides.filter(classWide), ...overrides.filter(own)]) {
    chosen.set(`${override.substance}|${override.vector}`, {
      substance: override.substance,
      vector: override.vector,
      value: override.value,
      unit: override.unit,
      source: 'country-specific',
      reference: override.reference,
      justification: override.justification,
      overrideId: override.overrideId,
    });
  }
  return [...chosen.values()].sort((a, b) => byText(a.substance, b.substance) || byText(a.vector, b.vector));
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

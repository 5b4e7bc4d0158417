import type { LineResult, ReleaseCell } from '@upops/calculation';
import type { InventoryReleases, InventoryTotals, UncalculatedLine } from '../domain/inventory-releases';
import { type OpenedInventory, linesInOrder } from '../domain/inventory.state';
import type { ActivityLine, EmissionFactorOverride, NotOccurring } from '../domain/inventory.types';

/** An inventory as a list shows it. */
export interface InventorySummaryView {
  inventoryId: string;
  party: string;
  referenceYear: number;
  editionId: string;
  tefScheme: string;
  status: string;
  openedAt: string;
  updatedAt: string | null;
  updatedBy: string | null;
  version: number;
  lineCount: number;
}

export interface LineView extends ActivityLine {
  groupCode: string;
  /** Releases per substance and vector; null when the calculation refused the line (see `uncalculated`). */
  cells: ReleaseCell[] | null;
}

/** An inventory with its lines, releases and totals: now (from the read model) or at a past version. */
export interface InventoryView extends InventorySummaryView {
  lines: LineView[];
  overrides: EmissionFactorOverride[];
  notOccurring: NotOccurring[];
  totals: InventoryTotals;
  uncalculated: UncalculatedLine[];
}

/** The view of a state and its releases, e.g. a replayed past version. */
export function viewOf(
  state: OpenedInventory,
  releases: Omit<InventoryReleases, 'lines'> & { lines: readonly Pick<LineResult, 'lineId' | 'cells'>[] },
  groupOf: (categoryCode: string) => string,
  updated: { at: string | null; by: string | null },
): InventoryView {
  const cells = new Map(releases.lines.map((r) => [r.lineId, r.cells]));
  return {
    ...summaryOf(state, updated),
    lines: linesInOrder(state).map((l) => ({ ...l, groupCode: groupOf(l.categoryCode), cells: cells.get(l.lineId) ?? null })),
    overrides: Object.values(state.overrides).sort((a, b) => (a.overrideId < b.overrideId ? -1 : 1)),
    notOccurring: Object.values(state.notOccurring).sort((a, b) => (a.categoryCode < b.categoryCode ? -1 : 1)),
    totals: releases.totals,
    uncalculated: releases.uncalculated,
  };
}

export function summaryOf(state: OpenedInventory, updated: { at: string | null; by: string | null }): InventorySummaryView {
  return {
    inventoryId: state.inventoryId,
    party: state.party,
    referenceYear: state.referenceYear,
    editionId: state.editionId,
    tefScheme: state.tefScheme,
    status: state.status,
    openedAt: state.openedAt,
    updatedAt: updated.at,
    updatedBy: updated.by,
    version: state.version,
    lineCount: Object.keys(state.lines).length,
  };
}

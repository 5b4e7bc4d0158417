import type { ReleaseCell, Total } from '@upops/calculation';
import type { LineView, InventoryView } from '../application/inventory-views';
import type { InventoryTotals } from '../domain/inventory-releases';
import type { ActivityLine, EmissionFactorOverride } from '../domain/inventory.types';
import type { EmissionFactorValue } from '@upops/catalogue';
import type { ActivityLineType, EmissionFactorOverrideType, FactorValueType, InventoryType, ReleaseTotalType, ReleaseType } from './inventory.types';

/** The inventory type plus what its field resolvers need (not exposed as fields). */
export type InventoryTypeWithTotals = InventoryType & { totalsByView: InventoryTotals };

export function toInventory(view: InventoryView): InventoryTypeWithTotals {
  return {
    inventoryId: view.inventoryId,
    party: view.party,
    referenceYear: view.referenceYear,
    editionId: view.editionId,
    tefScheme: view.tefScheme,
    status: view.status,
    openedAt: view.openedAt,
    updatedAt: view.updatedAt,
    updatedBy: view.updatedBy,
    version: view.version,
    lineCount: view.lineCount,
    lines: view.lines.map(toLine),
    overrides: view.overrides.map(toOverride),
    notOccurring: view.notOccurring,
    uncalculated: view.uncalculated.map((u) => ({ lineId: u.lineId, problems: u.errors })),
    totalsByView: view.totals,
  };
}

export function toLine(line: LineView | (ActivityLine & { groupCode?: string; cells?: ReleaseCell[] | null })): ActivityLineType {
  return {
    lineId: line.lineId,
    classCode: line.classCode,
    categoryCode: line.categoryCode,
    groupCode: line.groupCode ?? '',
    facilityName: line.facilityName,
    activityRate: line.activityRate,
    unit: line.unit,
    dataSource: line.dataSource,
    note: line.note,
    revision: line.revision,
    releases: line.cells ? line.cells.map(toRelease) : null,
  };
}

export function toRelease(cell: ReleaseCell): ReleaseType {
  const r = cell.release;
  return {
    substance: cell.substance,
    vector: cell.vector,
    kind: r.kind,
    grams: r.kind === 'release' ? r.grams : null,
    lowGrams: r.kind === 'range' ? r.lowGrams : null,
    highGrams: r.kind === 'range' ? r.highGrams : null,
    basis: r.kind === 'release' || r.kind === 'range' ? r.basis : null,
    confidence: cell.confidence,
    countrySpecific: cell.countrySpecific,
    factorUnit: cell.factorUnit,
  };
}

export function toFactorValue(value: EmissionFactorValue): FactorValueType {
  return {
    kind: value.kind,
    value: value.kind === 'value' ? value.value : null,
    low: value.kind === 'range' ? value.low : null,
    high: value.kind === 'range' ? value.high : null,
  };
}

export function toOverride(o: EmissionFactorOverride): EmissionFactorOverrideType {
  return {
    overrideId: o.overrideId,
    scope: o.scope.kind,
    lineId: o.scope.kind === 'line' ? o.scope.lineId : null,
    classCode: o.scope.kind === 'class' ? o.scope.classCode : null,
    substance: o.substance,
    vector: o.vector,
    value: toFactorValue(o.value),
    unit: o.unit,
    justification: o.justification,
    reference: o.reference,
  };
}

export function toTotal(t: Total): ReleaseTotalType {
  return {
    group: t.keys.group ?? null,
    category: t.keys.category ?? null,
    classCode: t.keys.class ?? null,
    vector: t.keys.vector ?? null,
    substance: t.substance,
    basis: t.basis,
    grams: t.grams,
    lowGrams: t.lowGrams,
    highGrams: t.highGrams,
    unverifiedShare: t.unverified.share,
    countrySpecificGrams: t.countrySpecificGrams,
    releaseCells: t.counts.release,
    rangeCells: t.counts.range,
    naCells: t.counts.NA,
    ndCells: t.counts.ND,
  };
}

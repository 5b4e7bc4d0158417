import type { EditionState } from '@upops/catalogue';
import {
  type ActivityLine as CalculationLine,
  type CalculationError,
  type FactorInput,
  type LineResult,
  type Total,
  type TotalDimension,
  calculateLine,
  totals,
} from '@upops/calculation';
import { type OpenedInventory, linesInOrder } from './inventory.state';
import type { ActivityLine, EmissionFactorOverride } from './inventory.types';

/** The groupings every inventory view shows; `nation` is the Party total (by nothing). */
export const TOTAL_VIEWS = {
  nation: [],
  group: ['group'],
  category: ['category'],
  class: ['class'],
  vector: ['vector'],
  substance: ['substance'],
  groupVector: ['group', 'vector'],
} as const satisfies Record<string, readonly TotalDimension[]>;

export type TotalView = keyof typeof TOTAL_VIEWS;
export type InventoryTotals = Record<TotalView, Total[]>;

/** A line the calculation refused (e.g. a factor unit it cannot read): shown, never counted as 0. */
export interface UncalculatedLine {
  lineId: string;
  errors: { code: string; field: string; message: string }[];
}

export interface InventoryReleases {
  lines: LineResult[];
  uncalculated: UncalculatedLine[];
  totals: InventoryTotals;
}

/**
 * The releases of an inventory under its edition: every line through the calculation (activity x
 * factor per vector and substance, overrides applied), then the totals. A line the calculation
 * refuses is listed with its reasons and left out of the totals, so one bad factor never hides
 * the rest of the inventory nor becomes a silent 0.
 */
export function inventoryReleases(state: OpenedInventory, edition: EditionState): InventoryReleases {
  const lines: LineResult[] = [];
  const uncalculated: UncalculatedLine[] = [];
  const factorsByClass = new Map<string, FactorInput[]>();
  for (const factor of Object.values(edition.factors)) {
    const list = factorsByClass.get(factor.classCode) ?? [];
    list.push(factor);
    factorsByClass.set(factor.classCode, list);
  }
  const substances = Object.values(edition.substances);
  for (const line of linesInOrder(state)) {
    const result = calculateLine(calculationLine(state, edition, line, factorsByClass.get(line.classCode) ?? []), { substances });
    if (result.ok) lines.push(result.value);
    else uncalculated.push({ lineId: line.lineId, errors: result.errors.map(describeError) });
  }
  const grouped = (by: readonly TotalDimension[]) => totals(lines, { by, substanceBases: substances });
  const views = Object.entries(TOTAL_VIEWS).map(([view, by]) => [view, grouped(by)]);
  return { lines, uncalculated, totals: Object.fromEntries(views) as InventoryTotals };
}

/** One inventory line as the calculation sees it: class data from the edition, overrides merged. */
export function calculationLine(state: OpenedInventory, edition: EditionState, line: ActivityLine, factors: readonly FactorInput[]): CalculationLine {
  const sourceClass = edition.classes[line.classCode];
  const category = edition.categories[line.categoryCode];
  return {
    lineId: line.lineId,
    party: state.party,
    groupCode: category?.groupCode ?? '',
    categoryCode: line.categoryCode,
    classCode: line.classCode,
    classActivityUnit: sourceClass?.activityUnit ?? '',
    activity: { value: line.activityRate, unit: line.unit },
    factors,
    overrides: overridesOf(state, line),
  };
}

/** The country-specific factors in force for a line: a line's own override wins over its class's. */
export function overridesOf(state: OpenedInventory, line: ActivityLine): FactorInput[] {
  const chosen = new Map<string, EmissionFactorOverride>();
  const cell = (o: EmissionFactorOverride) => `${o.substance}|${o.vector}`;
  for (const o of Object.values(state.overrides)) {
    if (o.scope.kind === 'class' && o.scope.classCode === line.classCode && !chosen.has(cell(o))) chosen.set(cell(o), o);
  }
  for (const o of Object.values(state.overrides)) {
    if (o.scope.kind === 'line' && o.scope.lineId === line.lineId) chosen.set(cell(o), o);
  }
  // A national factor is the Party's own statement with its reference: the catalogue's
  // transcription confidence does not apply to it; `countrySpecific` marks it in every result.
  return [...chosen.values()].map((o) => ({ substance: o.substance, vector: o.vector, value: o.value, unit: o.unit, confidence: 'verified' as const }));
}

function describeError(error: CalculationError): UncalculatedLine['errors'][number] {
  return { code: error.detail.code, field: error.field, message: error.message };
}

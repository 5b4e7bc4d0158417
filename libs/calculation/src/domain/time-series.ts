import { CalculationError, CalculationErrorCode } from './calculation.errors';
import type { LineResult, Result, SubstanceBasis } from './calculation.types';
import { type Total, type TotalKeys, type TotalsOptions, compareTotals, totalId, totals } from './totals';

/** The results of the inventories of one year (several Parties' inventories of a year are added). */
export interface InventoryOfYear {
  year: number;
  results: readonly LineResult[];
}

/** A change against the baseline year, of the point releases (grams). */
export interface Change {
  absoluteGrams: number;
  /** absolute / baseline grams; null when the baseline is 0. */
  relative: number | null;
}

/** The change from one total's point releases to another's; null when either has none (NA/ND only). */
export function changeOfTotals(from: Total | null | undefined, to: Total | null | undefined): Change | null {
  if (from?.grams === null || from?.grams === undefined || to?.grams === null || to?.grams === undefined) return null;
  return changeBetween(from.grams, to.grams);
}

export interface SeriesPoint {
  year: number;
  /** null when no line of the year has a cell for this row (not estimated: not 0). */
  total: Total | null;
  /** null without a baseline, or when this year or the baseline has no point release. */
  change: Change | null;
}

export interface SeriesRow {
  keys: TotalKeys;
  substance: string;
  basis: SubstanceBasis | null;
  /** One per year of the series, in year order. */
  points: SeriesPoint[];
}

export interface TimeSeries {
  years: number[];
  baselineYear: number | null;
  rows: SeriesRow[];
}

export interface TimeSeriesOptions extends TotalsOptions {
  baselineYear?: number;
}

export function changeBetween(baseline: number, value: number): Change {
  const absoluteGrams = value - baseline;
  return { absoluteGrams, relative: baseline === 0 ? null : absoluteGrams / baseline };
}

/**
 * Totals per year (grouped as `options.by` says, per substance), and each year's change against
 * the baseline year when one is given. Refuses a baseline year no inventory has.
 */
export function timeSeries(inventories: readonly InventoryOfYear[], options: TimeSeriesOptions): Result<TimeSeries> {
  const byYear = new Map<number, LineResult[]>();
  for (const inventory of inventories) {
    byYear.set(inventory.year, [...(byYear.get(inventory.year) ?? []), ...inventory.results]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const baselineYear = options.baselineYear ?? null;
  if (baselineYear !== null && !byYear.has(baselineYear)) {
    return {
      ok: false,
      errors: [
        new CalculationError(
          { code: CalculationErrorCode.BASELINE_YEAR_MISSING, year: baselineYear },
          'baselineYear',
          `No inventory of the baseline year ${baselineYear}.`,
        ),
      ],
    };
  }

  const perYear = new Map<number, Map<string, Total>>();
  const rows = new Map<string, Omit<SeriesRow, 'points'>>();
  for (const year of years) {
    const yearTotals = new Map<string, Total>();
    for (const total of totals(byYear.get(year) ?? [], options)) {
      const id = totalId(options.by, total);
      yearTotals.set(id, total);
      if (!rows.has(id)) rows.set(id, { keys: total.keys, substance: total.substance, basis: total.basis });
    }
    perYear.set(year, yearTotals);
  }

  const series = [...rows.entries()].map(([id, row]): SeriesRow => {
    const baseline = baselineYear === null ? undefined : perYear.get(baselineYear)?.get(id);
    return {
      ...row,
      points: years.map((year) => {
        const total = perYear.get(year)?.get(id) ?? null;
        return {
          year,
          total,
          change: changeOfTotals(baseline, total),
        };
      }),
    };
  });
  return { ok: true, value: { years, baselineYear, rows: series.sort(compareTotals(options.by)) } };
}

import { CLASS_1A1, CLASS_3A2, expectRelative, line } from '../testing/calculation.fixtures';
import { CalculationErrorCode } from './calculation.errors';
import type { LineResult, Result } from './calculation.types';
import { calculateLines } from './release';
import { type InventoryOfYear, timeSeries } from './time-series';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  return result.value;
}

function inventory(year: number, waste: number, fuel: number | null, party = 'KE'): InventoryOfYear {
  const lines = [line({ classCode: '1a1', party, classActivityUnit: 't of waste burned', factors: CLASS_1A1, activity: { value: waste } })];
  if (fuel !== null) {
    lines.push(line({ classCode: '3a2', party, classActivityUnit: 'TJ of fuel burned', factors: CLASS_3A2, activity: { value: fuel } }));
  }
  const results: LineResult[] = ok(calculateLines(lines));
  return { year, results };
}

/**
 * 1a1 (3500 air + 75 residue µg TEQ/t) and 3a2 (10 air + 14 residue µg TEQ/TJ), by category:
 * - 2015: 12 000 t -> 1a: (3500 + 75) x 12 000 / 10^6 = 42.9; no 3a line
 * - 2018: 10 000 t -> 1a: 35.75; 25 000 TJ -> 3a: (10 + 14) x 25 000 / 10^6 = 0.6
 * - 2020:  6 000 t -> 1a: 21.45; 50 000 TJ -> 3a: 1.2
 */
const INVENTORIES = [inventory(2020, 6_000, 50_000), inventory(2015, 12_000, null), inventory(2018, 10_000, 25_000)];

describe('timeSeries', () => {
  it('given three years, when a series by category is asked with baseline 2015, then totals per year and changes against 2015', () => {
    const series = ok(timeSeries(INVENTORIES, { by: ['category'], baselineYear: 2015 }));
    expect(series.years).toEqual([2015, 2018, 2020]);
    expect(series.baselineYear).toBe(2015);
    expect(series.rows.map((r) => [r.keys.category, r.substance])).toEqual([
      ['1a', 'PCDD/PCDF'],
      ['3a', 'PCDD/PCDF'],
    ]);
    const [msw, power] = series.rows;
    msw.points.forEach((point, i) => expectRelative(point.total!.grams, [42.9, 35.75, 21.45][i]));
    // 2018: 35.75 - 42.9 = -7.15, -7.15 / 42.9 = -1/6; 2020: 21.45 - 42.9 = -21.45, -0.5
    expect(msw.points[0].change).toEqual({ absoluteGrams: 0, relative: 0 });
    expectRelative(msw.points[1].change!.absoluteGrams, -7.15);
    expectRelative(msw.points[1].change!.relative!, -1 / 6);
    expectRelative(msw.points[2].change!.absoluteGrams, -21.45);
    expectRelative(msw.points[2].change!.relative!, -0.5);
    // 3a was not estimated in 2015: no total (not 0) and so no change
    expect(power.points.map((p) => p.total?.grams ?? null)).toEqual([null, 0.6, 1.2]);
    expect(power.points.map((p) => p.change)).toEqual([null, null, null]);
  });

  it('given no baseline, when a series is asked, then totals come without changes', () => {
    const series = ok(timeSeries(INVENTORIES, { by: ['group'] }));
    expect(series.baselineYear).toBeNull();
    expect(series.rows.flatMap((r) => r.points.map((p) => p.change))).toEqual(Array(6).fill(null));
  });

  it('given two Parties in one year, when a series by substance is asked, then the year adds both', () => {
    const series = ok(timeSeries([inventory(2018, 10_000, null, 'KE'), inventory(2018, 2_000, null, 'UG')], { by: ['substance'] }));
    // (3500 + 75) x (10 000 + 2 000) / 10^6 = 42.9
    expect(series.years).toEqual([2018]);
    expectRelative(series.rows[0].points[0].total!.grams, 42.9);
  });

  it('given a baseline year without inventory, when a series is asked, then BASELINE_YEAR_MISSING', () => {
    const result = timeSeries(INVENTORIES, { by: ['category'], baselineYear: 1990 });
    expect(result.ok || result.errors.map((e) => [e.field, e.detail])).toEqual([
      ['baselineYear', { code: CalculationErrorCode.BASELINE_YEAR_MISSING, year: 1990 }],
    ]);
  });
});

import { NA, ND, expectRelative, factor, line, row, value } from '../testing/calculation.fixtures';
import { CalculationErrorCode } from './calculation.errors';
import type { ActivityLine, EditionFactor, FactorInput, Result } from './calculation.types';
import { recalculate } from './recalculation';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  return result.value;
}

const ofClass = (classCode: string, factors: FactorInput[]): EditionFactor[] => factors.map((f) => ({ ...f, classCode }));

/**
 * Hypothetical editions (numbers chosen for hand arithmetic, not Toolkit values):
 * - old: 1a1 air 3500, residue ND µg TEQ/t; 3a2 air 10, residue 14 µg TEQ/TJ; 8b1 air 90 µg TEQ/cremation
 * - new: 1a1 air 3500, residue 75;            3a2 air 8,  residue 14;           8b1 withdrawn
 */
const OLD = [
  ...ofClass('1a1', row('µg TEQ/t', [value(3500), ND, NA, NA, ND])),
  ...ofClass('3a2', row('µg TEQ/TJ', [value(10), NA, NA, NA, value(14)])),
  ...ofClass('8b1', row('µg TEQ/cremation', [value(90), NA, NA, NA, NA])),
];
const NEW = [
  ...ofClass('1a1', row('µg TEQ/t', [value(3500), ND, NA, NA, value(75)])),
  ...ofClass('3a2', row('µg TEQ/TJ', [value(8), NA, NA, NA, value(14)])),
];

const LINES: ActivityLine[] = [
  line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors: [], activity: { value: 12_000 } }),
  line({ classCode: '3a2', classActivityUnit: 'TJ of fuel burned', factors: [], activity: { value: 25_000 } }),
  line({ classCode: '8b1', classActivityUnit: 'cremation (body)', factors: [], activity: { value: 5_000 } }),
];

describe('recalculate', () => {
  it('given the same lines under two editions, when recalculated by category, then old and new totals with differences', () => {
    const recalculation = ok(recalculate(LINES, OLD, NEW));
    expect(recalculation.rows.map((r) => r.keys.category)).toEqual(['1a', '3a', '8b']);
    const [msw, power, crematoria] = recalculation.rows;
    // 1a: old 3500 x 12 000 / 10^6 = 42 (residue ND); new 42 + 75 x 12 000 / 10^6 = 42.9; +0.9, +0.9/42
    expectRelative(msw.previous!.grams, 42);
    expectRelative(msw.current!.grams, 42.9);
    expectRelative(msw.difference!.absoluteGrams, 0.9);
    expectRelative(msw.difference!.relative!, 0.9 / 42);
    expect([msw.previous!.counts.ND, msw.current!.counts.ND]).toEqual([2, 1]);
    // 3a: old (10 + 14) x 25 000 / 10^6 = 0.6; new (8 + 14) x 25 000 / 10^6 = 0.55; -0.05
    expectRelative(power.previous!.grams, 0.6);
    expectRelative(power.current!.grams, 0.55);
    expectRelative(power.difference!.absoluteGrams, -0.05);
    // 8b: withdrawn from the new edition: old 90 x 5000 / 10^6 = 0.45, new nothing (not 0)
    expectRelative(crematoria.previous!.grams, 0.45);
    expect([crematoria.current, crematoria.difference]).toEqual([null, null]);
    expect([recalculation.onlyInPrevious, recalculation.onlyInCurrent]).toEqual([[], []]);
  });

  it('given a country-specific factor, when recalculated, then it applies under both editions', () => {
    const lines = [{ ...LINES[0], overrides: [factor('air', value(1000), 'µg TEQ/t', { confidence: 'verified' })] }];
    const [msw] = ok(recalculate(lines, OLD, NEW)).rows;
    // air 1000 x 12 000 / 10^6 = 12 in both; residue ND -> 0.9: 12 -> 12.9
    expectRelative(msw.previous!.grams, 12);
    expectRelative(msw.current!.grams, 12.9);
    expectRelative(msw.current!.countrySpecificGrams, 12);
  });

  it('given a new edition with a unit that does not fit the class, when recalculated, then refused with the edition named', () => {
    const broken = [...NEW.filter((f) => f.classCode !== '3a2'), { ...factor('air', value(8), 'µg TEQ/t'), classCode: '3a2' }];
    const result = recalculate(LINES, OLD, broken);
    expect(result.ok || result.errors.map((e) => [e.field, e.code])).toEqual([
      ['current.lines[1].factors[0].unit', CalculationErrorCode.UNIT_INCOMPATIBLE],
    ]);
  });
});

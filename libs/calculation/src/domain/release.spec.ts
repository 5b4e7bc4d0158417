import {
  CLASS_1A1,
  CLASS_3A2,
  CLASS_7B2B,
  CLASS_8B1,
  NA,
  ND,
  expectRelative,
  factor,
  line,
  range,
  row,
  value,
} from '../testing/calculation.fixtures';
import { CalculationErrorCode } from './calculation.errors';
import type { LineResult, Release, Result, Vector } from './calculation.types';
import { calculateLine, calculateLines } from './release';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.errors.map((e) => `${e.field}: ${e.code} ${e.message}`).join('; ')}`);
  return result.value;
}

function releaseOf(result: LineResult, vector: Vector, substance = 'PCDD/PCDF'): Release {
  const cell = result.cells.find((c) => c.vector === vector && c.substance === substance);
  if (cell === undefined) throw new Error(`no cell ${substance} ${vector}`);
  return cell.release;
}

function gramsOf(result: LineResult, vector: Vector, substance = 'PCDD/PCDF'): number {
  const release = releaseOf(result, vector, substance);
  if (release.kind !== 'release') throw new Error(`${vector} is ${release.kind}`);
  return release.grams;
}

describe('calculateLine', () => {
  describe('given class 1a1 (MSW incineration, low technology: air 3500, residue 75 µg TEQ/t)', () => {
    const factors = CLASS_1A1;

    it('when 12 000 t of waste are burned, then air is 42 g TEQ/a and residue 0.9 g TEQ/a', () => {
      const result = ok(
        calculateLine(line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors, activity: { value: 12_000 } })),
      );
      // air: 3500 µg TEQ/t x 12 000 t = 42 000 000 µg = 42 g TEQ/a
      expect(releaseOf(result, 'air')).toEqual({ kind: 'release', grams: 42, basis: 'TEQ' });
      // residue: 75 x 12 000 = 900 000 µg = 0.9 g TEQ/a
      expect(releaseOf(result, 'residue')).toEqual({ kind: 'release', grams: 0.9, basis: 'TEQ' });
      // water ND and land/product NA stay what they are, never 0
      expect(releaseOf(result, 'water')).toEqual({ kind: 'ND' });
      expect(releaseOf(result, 'land')).toEqual({ kind: 'NA' });
      expect(releaseOf(result, 'product')).toEqual({ kind: 'NA' });
      expect(result.cells.map((c) => [c.confidence, c.countrySpecific])).toEqual(Array(5).fill(['unverified', false]));
      expect(result).toMatchObject({ lineId: '1a1', party: 'KE', groupCode: '1', categoryCode: '1a', classCode: '1a1' });
    });

    it('when the activity is given as 12 kt, then it is converted to 12 000 t: air 42 g TEQ/a', () => {
      const result = ok(
        calculateLine(line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors, activity: { value: 12, unit: 'kt' } })),
      );
      expect(gramsOf(result, 'air')).toBe(42);
    });

    it('when the activity is 0 t, then releases are 0 g and NA/ND stay NA/ND', () => {
      const result = ok(calculateLine(line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors, activity: { value: 0 } })));
      expect(gramsOf(result, 'air')).toBe(0);
      expect(releaseOf(result, 'water').kind).toBe('ND');
    });

    it('when a country-specific air factor of 2000 ng TEQ/kg (verified) replaces it, then air is 24 g TEQ/a from that factor', () => {
      const result = ok(
        calculateLine(
          line({
            classCode: '1a1',
            classActivityUnit: 't of waste burned',
            factors,
            overrides: [factor('air', value(2000), 'ng TEQ/kg', { confidence: 'verified' })],
            activity: { value: 12_000 },
          }),
        ),
      );
      // 2000 ng/kg = 2000 µg/t; 2000 x 12 000 t = 24 000 000 µg = 24 g TEQ/a
      expectRelative(gramsOf(result, 'air'), 24);
      const air = result.cells.find((c) => c.vector === 'air')!;
      expect([air.countrySpecific, air.confidence, air.factorUnit]).toEqual([true, 'verified', 'ng TEQ/kg']);
      // the other vectors keep the edition's factors
      expect(gramsOf(result, 'residue')).toBe(0.9);
      expect(result.cells).toHaveLength(5);
    });

    it('when the activity is in TJ, then it is refused: UNIT_INCOMPATIBLE from TJ to the class unit', () => {
      const result = calculateLine(
        line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors, activity: { value: 5, unit: 'TJ' } }),
      );
      expect(result.ok).toBe(false);
      expect(result.ok || result.errors.map((e) => [e.field, e.detail])).toEqual([
        ['activity.unit', { code: CalculationErrorCode.UNIT_INCOMPATIBLE, from: 'TJ', to: 't of waste burned' }],
      ]);
    });

    it('when the activity is negative or not a number, then it is refused: INVALID_ACTIVITY', () => {
      for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
        const result = calculateLine(line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors, activity: { value: bad } }));
        expect(result.ok || result.errors.map((e) => [e.field, e.code])).toEqual([['activity.value', CalculationErrorCode.INVALID_ACTIVITY]]);
      }
    });

    it('when activity x factor exceeds what a double holds (1e308 t), then it is refused per cell: RELEASE_OUT_OF_RANGE, never Infinity', () => {
      const result = calculateLine(line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors, activity: { value: 1e308 } }));
      expect(result.ok || result.errors.map((e) => [e.field, e.detail])).toEqual([
        ['activity.value', { code: CalculationErrorCode.RELEASE_OUT_OF_RANGE, substance: 'PCDD/PCDF', vector: 'air' }],
        ['activity.value', { code: CalculationErrorCode.RELEASE_OUT_OF_RANGE, substance: 'PCDD/PCDF', vector: 'residue' }],
      ]);
      expect(gramsOf(ok(calculateLine(line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors, activity: { value: 1e300 } }))), 'air')).toBe(3.5e297);
    });
  });

  describe('given class 3a2 (coal fired power boilers: air 10, residue 14 µg TEQ/TJ)', () => {
    const base = { classCode: '3a2', classActivityUnit: 'TJ of fuel burned', factors: CLASS_3A2 };

    it('when 25 000 TJ are burned, then air is 0.25 and residue 0.35 g TEQ/a', () => {
      const result = ok(calculateLine(line({ ...base, activity: { value: 25_000 } })));
      // 10 x 25 000 = 250 000 µg = 0.25 g; 14 x 25 000 = 350 000 µg = 0.35 g
      expect(gramsOf(result, 'air')).toBe(0.25);
      expect(gramsOf(result, 'residue')).toBe(0.35);
    });

    it('when 1000 GWh are burned, then 3600 TJ: air 0.036 g TEQ/a', () => {
      const result = ok(calculateLine(line({ ...base, activity: { value: 1_000, unit: 'GWh' } })));
      // 1000 GWh x 3.6 TJ/GWh = 3600 TJ; 10 x 3600 = 36 000 µg = 0.036 g; residue 14 x 3600 = 50 400 µg
      expectRelative(gramsOf(result, 'air'), 0.036);
      expectRelative(gramsOf(result, 'residue'), 0.0504);
    });

    it('when 500 000 MWh are burned, then 1800 TJ: air 0.018 g TEQ/a', () => {
      const result = ok(calculateLine(line({ ...base, activity: { value: 500_000, unit: 'MWh' } })));
      // 500 000 x 0.0036 = 1800 TJ; 10 x 1800 = 18 000 µg = 0.018 g
      expectRelative(gramsOf(result, 'air'), 0.018);
    });

    it('when 4 200 000 GJ are burned, then 4200 TJ: air 0.042 g TEQ/a', () => {
      const result = ok(calculateLine(line({ ...base, activity: { value: 4_200_000, unit: 'GJ' } })));
      expectRelative(gramsOf(result, 'air'), 0.042);
    });

    it('when a factor is per tonne, then it is refused: UNIT_INCOMPATIBLE from the factor unit to the class unit', () => {
      const result = calculateLine(
        line({ ...base, factors: [factor('air', value(10), 'µg TEQ/t')], activity: { value: 1 } }),
      );
      expect(result.ok || result.errors.map((e) => [e.field, e.detail])).toEqual([
        ['factors[0].unit', { code: CalculationErrorCode.UNIT_INCOMPATIBLE, from: 'µg TEQ/t', to: 'TJ of fuel burned' }],
      ]);
    });
  });

  describe('given class 8b1 (crematoria, no control: air 90, residue 2.5 µg TEQ/cremation)', () => {
    it('when 5000 cremations take place, then air is 0.45 and residue 0.0125 g TEQ/a', () => {
      const result = ok(
        calculateLine(line({ classCode: '8b1', classActivityUnit: 'cremation (body)', factors: CLASS_8B1, activity: { value: 5_000 } })),
      );
      // 90 x 5000 = 450 000 µg = 0.45 g; 2.5 x 5000 = 12 500 µg = 0.0125 g
      expect(gramsOf(result, 'air')).toBe(0.45);
      expect(gramsOf(result, 'residue')).toBe(0.0125);
    });

    it('when the activity is given in vehicles, then it is refused: a cremation is not a vehicle', () => {
      const result = calculateLine(
        line({ classCode: '8b1', classActivityUnit: 'cremation (body)', factors: CLASS_8B1, activity: { value: 5, unit: 'vehicles' } }),
      );
      expect(result.ok || result.errors[0].detail).toEqual({
        code: CalculationErrorCode.UNIT_INCOMPATIBLE,
        from: 'vehicles',
        to: 'cremation (body)',
      });
    });
  });

  describe('given class 7b2b (chlor-alkali: water 1.7 µg TEQ/ECU, verified)', () => {
    it('when 100 000 ECU are produced, then water is 0.17 g TEQ/a, verified', () => {
      const result = ok(
        calculateLine(line({ classCode: '7b2b', classActivityUnit: 'ECU produced', factors: CLASS_7B2B, activity: { value: 100_000 } })),
      );
      // 1.7 x 100 000 = 170 000 µg = 0.17 g
      expect(gramsOf(result, 'water')).toBe(0.17);
      expect(result.cells.find((c) => c.vector === 'water')!.confidence).toBe('verified');
      expect(releaseOf(result, 'air')).toEqual({ kind: 'ND' });
    });
  });

  describe('given class 8e1 (smoke houses: air 0.3 µg TEQ per million items)', () => {
    const base = {
      classCode: '8e1',
      classActivityUnit: 'million items smoked',
      factors: [factor('air', value(0.3), 'µg TEQ per million items')],
    };

    it('when 250 million items are smoked, then air is 0.000075 g TEQ/a, also when given as 250 000 000 items', () => {
      // 0.3 x 250 = 75 µg = 0.000075 g
      expectRelative(gramsOf(ok(calculateLine(line({ ...base, activity: { value: 250 } }))), 'air'), 0.000075);
      expectRelative(gramsOf(ok(calculateLine(line({ ...base, activity: { value: 250_000_000, unit: 'items' } }))), 'air'), 0.000075);
    });
  });

  describe('given HCB, a mass substance (5d1 heavy oil engines: air 140 µg/t fuel burned, residue ND)', () => {
    const factors = row('µg/t fuel burned', [value(140), NA, NA, NA, ND], 'verified', 'HCB');
    const substances = [{ code: 'HCB', basis: 'mass' as const }];

    it('when 200 000 t of fuel are burned, then air is 28 g/a of mass, not TEQ', () => {
      const result = ok(
        calculateLine(line({ classCode: '5d1', classActivityUnit: 't of fuel burned', factors, activity: { value: 200_000 } }), { substances }),
      );
      // 140 µg/t x 200 000 t = 28 000 000 µg = 28 g/a
      expect(releaseOf(result, 'air', 'HCB')).toEqual({ kind: 'release', grams: 28, basis: 'mass' });
      expect(releaseOf(result, 'residue', 'HCB')).toEqual({ kind: 'ND' });
    });

    it('when a country-specific factor of 0.2 mg/t applies to 1000 t, then air is 0.2 g/a', () => {
      const result = ok(
        calculateLine(
          line({
            classCode: '5d1',
            classActivityUnit: 't of fuel burned',
            factors,
            overrides: [factor('air', value(0.2), 'mg/t', { substance: 'HCB', confidence: 'inferred' })],
            activity: { value: 1_000 },
          }),
          { substances },
        ),
      );
      // 0.2 mg/t x 1000 t = 200 mg = 0.2 g
      expectRelative(gramsOf(result, 'air', 'HCB'), 0.2);
    });

    it('when an HCB factor says TEQ, then it is refused: BASIS_MISMATCH', () => {
      const result = calculateLine(
        line({
          classCode: '5d1',
          classActivityUnit: 't of fuel burned',
          factors: [factor('air', value(1), 'µg TEQ/t', { substance: 'HCB' })],
          activity: { value: 1 },
        }),
        { substances },
      );
      expect(result.ok || result.errors.map((e) => [e.field, e.detail])).toEqual([
        ['factors[0].unit', { code: CalculationErrorCode.BASIS_MISMATCH, substance: 'HCB', expected: 'mass', actual: 'TEQ' }],
      ]);
    });
  });

  describe('given class 1e3 dl-PCB, a range (0.001-0.004 µg TEQ/t sewage sludge)', () => {
    it('when 50 000 t of sludge are burned, then air is the range 0.00005-0.0002 g TEQ/a', () => {
      const result = ok(
        calculateLine(
          line({
            classCode: '1e3',
            classActivityUnit: 't of sewage sludge burned',
            factors: [factor('air', range(0.001, 0.004), 'µg TEQ/t sewage sludge', { substance: 'dl-PCB', confidence: 'verified' })],
            activity: { value: 50_000 },
          }),
        ),
      );
      // 0.001 x 50 000 = 50 µg; 0.004 x 50 000 = 200 µg
      const release = releaseOf(result, 'air', 'dl-PCB');
      if (release.kind !== 'range') throw new Error(release.kind);
      expectRelative(release.lowGrams, 0.00005);
      expectRelative(release.highGrams, 0.0002);
      expect(release.basis).toBe('TEQ');
    });
  });

  describe('given a class whose unit names alternatives (9a: "t or m3 of crude / product")', () => {
    const base = { classCode: '9a1', classActivityUnit: 't or m3 of crude / product' };

    it('when its factors are all ND, then its cells are ND (no unit is needed)', () => {
      const result = ok(calculateLine(line({ ...base, factors: row('', [ND, ND, ND, ND, ND]), activity: { value: 10 } })));
      expect(result.cells.map((c) => c.release.kind)).toEqual(['ND', 'ND', 'ND', 'ND', 'ND']);
    });

    it('when a factor has a number, then it is refused: UNIT_AMBIGUOUS naming the class unit', () => {
      const result = calculateLine(line({ ...base, factors: [factor('air', value(1), 'µg TEQ/t')], activity: { value: 10 } }));
      expect(result.ok || result.errors.map((e) => [e.field, e.detail])).toEqual([
        ['classActivityUnit', { code: CalculationErrorCode.UNIT_AMBIGUOUS, unit: 't or m3 of crude / product' }],
      ]);
    });
  });

  describe('given faulty factors', () => {
    const base = { classCode: '1a1', classActivityUnit: 't of waste burned', activity: { value: 1 } };

    it('when units are unreadable, values negative, ranges inverted or cells repeated, then every reason is given at once', () => {
      const result = calculateLine(
        line({
          ...base,
          factors: [
            factor('air', value(1), 'µg TEQ/barrel'),
            factor('water', value(-1)),
            factor('land', range(4, 1)),
            factor('residue', ND),
            factor('residue', value(2)),
          ],
          overrides: [factor('air', value(1)), factor('air', value(2))],
        }),
      );
      expect(result.ok || result.errors.map((e) => [e.field, e.code]).sort()).toEqual(
        [
          ['factors[4]', CalculationErrorCode.DUPLICATE_FACTOR],
          ['overrides[1]', CalculationErrorCode.DUPLICATE_FACTOR],
          ['factors[1].value', CalculationErrorCode.INVALID_FACTOR],
          ['factors[2].value', CalculationErrorCode.INVALID_FACTOR],
        ].sort(),
      );
    });

    it('when only a unit is unknown, then UNIT_UNKNOWN names the text and the field', () => {
      const result = calculateLine(line({ ...base, factors: [factor('air', value(1), 'µg TEQ/barrel')] }));
      expect(result.ok || result.errors.map((e) => [e.field, e.detail])).toEqual([
        ['factors[0].unit', { code: CalculationErrorCode.UNIT_UNKNOWN, unit: 'µg TEQ/barrel' }],
      ]);
    });
  });
});

describe('calculateLines', () => {
  it('given several lines, when one is faulty, then nothing is returned but its errors, prefixed with its index', () => {
    const good = line({ classCode: '1a1', classActivityUnit: 't of waste burned', factors: CLASS_1A1, activity: { value: 1 } });
    const bad = line({ classCode: '3a2', classActivityUnit: 'TJ of fuel burned', factors: CLASS_3A2, activity: { value: 1, unit: 't' } });
    const result = calculateLines([good, bad]);
    expect(result.ok || result.errors.map((e) => [e.field, e.code])).toEqual([['lines[1].activity.unit', CalculationErrorCode.UNIT_INCOMPATIBLE]]);
    expect(ok(calculateLines([good, good])).length).toBe(2);
  });
});

import { CalculationErrorCode } from './calculation.errors';
import type { Result } from './calculation.types';
import { convertActivity, parseActivityUnit, parseFactorUnit, timesPowerOfTen } from './units';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return result.value;
}

function codes<T>(result: Result<T>): string[] {
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('parseActivityUnit', () => {
  it.each([
    // given the catalogue's texts, then the leading unit token is read
    ['t of waste burned', 't', 'mass', 'of waste burned'],
    ['TJ of fuel burned', 'TJ', 'energy', 'of fuel burned'],
    ['TJ of biogas burned', 'TJ', 'energy', 'of biogas burned'],
    ['cremation (body)', 'cremation', 'count', '(body)'],
    ['vehicle burned (EF per vehicle)', 'vehicle', 'count', 'burned (EF per vehicle)'],
    ['ECU produced', 'ECU', 'count', 'produced'],
    ['ECU (electrochemical unit) produced', 'ECU', 'count', '(electrochemical unit) produced'],
    ['million items smoked', 'million items', 'count', 'smoked'],
    ['m3 of water discharged', 'm3', 'volume', 'of water discharged'],
    ['site (identification/registration only)', 'site', 'count', '(identification/registration only)'],
    ['t of recovered steel (t material treated)', 't', 'mass', 'of recovered steel (t material treated)'],
    ['t of brass/bronze produced', 't', 'mass', 'of brass/bronze produced'],
    ['kt', 'kt', 'mass', ''],
    ['MWh', 'MWh', 'energy', ''],
    ['km2', 'km2', 'area', ''],
  ])('reads "%s" as %s (%s)', (text, symbol, dimension, qualifier) => {
    const unit = ok(parseActivityUnit(text));
    expect(unit.symbol).toBe(symbol);
    expect(unit.dimension.kind).toBe(dimension);
    expect(unit.qualifier).toBe(qualifier);
  });

  it.each([
    // given texts that name two units, then the line must say which: UNIT_AMBIGUOUS
    't or m3 of crude / product',
    'm3 of leachate (water); t of waste',
    'm3 of wastewater; t of sludge (dm)',
    't of air-dried pulp (ADt); boilers per t or TJ fuel',
  ])('refuses "%s" as ambiguous', (text) => {
    const result = parseActivityUnit(text);
    expect(codes(result)).toEqual([CalculationErrorCode.UNIT_AMBIGUOUS]);
    expect(result.ok || result.errors[0].detail).toEqual({ code: CalculationErrorCode.UNIT_AMBIGUOUS, unit: text });
  });

  it.each(['', 'barrels of oil', 'mt', 'head of cattle'])('refuses "%s" as unknown, naming the text', (text) => {
    const result = parseActivityUnit(text);
    expect(result.ok || result.errors[0].detail).toEqual({ code: CalculationErrorCode.UNIT_UNKNOWN, unit: text });
  });
});

describe('parseFactorUnit', () => {
  it.each([
    // text, amount, basis, per-unit symbol
    ['µg TEQ/t', 'µg', 'TEQ', 't'],
    ['μg TEQ/t', 'µg', 'TEQ', 't'], // Greek mu instead of the micro sign
    ['ug TEQ/t', 'µg', 'TEQ', 't'],
    ['µg TEQ/TJ', 'µg', 'TEQ', 'TJ'],
    ['µg TEQ/t biomass burned', 'µg', 'TEQ', 't'],
    ['µg TEQ/t material burned', 'µg', 'TEQ', 't'],
    ['µg TEQ/cremation', 'µg', 'TEQ', 'cremation'],
    ['µg TEQ/ECU', 'µg', 'TEQ', 'ECU'],
    ['µg TEQ/vehicle', 'µg', 'TEQ', 'vehicle'],
    ['µg TEQ per million items', 'µg', 'TEQ', 'million items'],
    ['µg TEQ/ADt (water, product/pulp, sludge)', 'µg', 'TEQ', 'ADt'],
    ['µg TEQ/t fuel burned (as printed)', 'µg', 'TEQ', 't'],
    ['ng I-TEQ/GJ', 'ng', 'TEQ', 'GJ'],
    ['pg WHO-TEQ/kg', 'pg', 'TEQ', 'kg'],
    ['µg/t coke produced', 'µg', 'mass', 't'],
    ['mg/t', 'mg', 'mass', 't'],
    ['g/kt', 'g', 'mass', 'kt'],
  ])('reads "%s" as %s %s per %s', (text, amount, basis, per) => {
    const unit = ok(parseFactorUnit(text));
    expect([unit.amountSymbol, unit.basis, unit.per.symbol]).toEqual([amount, basis, per]);
  });

  it('refuses the two-unit cell of 3d5/3d6 as ambiguous', () => {
    const text = 'µg TEQ/TJ (dl-PCB); µg/TJ (sum-6 PCB, HCB) presumably';
    expect(codes(parseFactorUnit(text))).toEqual([CalculationErrorCode.UNIT_AMBIGUOUS]);
  });

  it.each(['', 'µg TEQ', 'lb TEQ/t', 'µg TEQ/barrel'])('refuses "%s" as unknown, naming the whole text', (text) => {
    const result = parseFactorUnit(text);
    expect(result.ok || result.errors[0].detail).toEqual({ code: CalculationErrorCode.UNIT_UNKNOWN, unit: text });
  });
});

describe('convertActivity', () => {
  it.each([
    // given, from, to, then (hand-computed)
    [12, 'kt', 't of waste burned', 12_000], // 12 kt = 12 x 10^3 t
    [2.5, 'Mt', 't', 2_500_000], // 2.5 x 10^6
    [750, 'kg', 't', 0.75], // 750 / 10^3
    [4_200, 'GJ', 'TJ of fuel burned', 4.2], // 4200 / 10^3
    [1, 'MWh', 'TJ', 0.0036], // 1 MWh = 3.6 GJ = 0.0036 TJ
    [1_000, 'MWh', 'TJ', 3.6],
    [2, 'GWh', 'TJ', 7.2], // 2 x 3.6
    [0.5, 'TJ', 'GJ', 500],
    [3_000, 'L', 'm3', 3], // 3000 / 10^3
    [2, 'ML', 'm3', 2_000], // megalitre = 10^3 m3
    [3, 'km2', 'ha', 300],
    [1.5, 'million items smoked', 'items', 1_500_000],
    [4_000_000, 'items', 'million items smoked', 4],
    [12, 'cremations', 'cremation (body)', 12],
  ])('converts %p %s into %s: %p', (amount, from, to, expected) => {
    expect(ok(convertActivity(amount, from, to))).toBe(expected);
  });

  it.each([
    ['t', 'TJ of fuel burned'],
    ['MWh', 't of waste burned'],
    ['cremation (body)', 'vehicle burned (EF per vehicle)'],
    ['m3 of water discharged', 't of sludge'],
    ['t of pulp', 'ADt'],
  ])('refuses %s -> %s with UNIT_INCOMPATIBLE naming both', (from, to) => {
    const result = convertActivity(1, from, to);
    expect(result.ok).toBe(false);
    expect(result.ok || result.errors[0].detail).toEqual({ code: CalculationErrorCode.UNIT_INCOMPATIBLE, from, to });
  });

  it('names every unreadable unit at once', () => {
    expect(codes(convertActivity(1, 'barrels', 't or m3 of crude'))).toEqual([
      CalculationErrorCode.UNIT_UNKNOWN,
      CalculationErrorCode.UNIT_AMBIGUOUS,
    ]);
  });
});

describe('timesPowerOfTen', () => {
  it('divides by exact powers of ten (3500 x 12000 / 10^6 is exactly 42)', () => {
    expect(timesPowerOfTen(3500 * 12_000, -6)).toBe(42);
    expect(timesPowerOfTen(7, 30)).toBe(7e30);
    expect(timesPowerOfTen(7, -30)).toBe(7e-30);
  });
});

import type { ActivityLine, Confidence, FactorInput, FactorValue, Vector } from '../domain/calculation.types';

/** |actual - expected| <= tolerance x |expected| (absolute when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

export function expectRelative(actual: number | null, expected: number, tolerance = 1e-9): void {
  if (actual === null) throw new Error(`Expected ${expected}, got null (no number)`);
  const error = relativeError(actual, expected);
  if (!(error <= tolerance)) {
    throw new Error(`Expected ${actual} to equal ${expected} within ${tolerance} relative, was ${error}`);
  }
}

export const value = (v: number): FactorValue => ({ kind: 'value', value: v });
export const range = (low: number, high: number): FactorValue => ({ kind: 'range', low, high });
export const NA: FactorValue = { kind: 'NA' };
export const ND: FactorValue = { kind: 'ND' };

export function factor(
  vector: Vector,
  factorValue: FactorValue,
  unit = 'µg TEQ/t',
  overrides: Partial<FactorInput> = {},
): FactorInput {
  return { substance: 'PCDD/PCDF', vector, value: factorValue, unit, confidence: 'unverified', ...overrides };
}

/** The five vectors of a class row, as the sheet prints them (air, water, land, product, residue). */
export function row(
  unit: string,
  cells: [FactorValue, FactorValue, FactorValue, FactorValue, FactorValue],
  confidence: Confidence = 'unverified',
  substance = 'PCDD/PCDF',
): FactorInput[] {
  const vectors: Vector[] = ['air', 'water', 'land', 'product', 'residue'];
  return vectors.map((vector, i) => ({ substance, vector, value: cells[i], unit, confidence }));
}

export function line(overrides: Partial<ActivityLine> & Pick<ActivityLine, 'classCode' | 'classActivityUnit' | 'factors'>): ActivityLine {
  return {
    lineId: overrides.classCode,
    party: 'KE',
    groupCode: overrides.classCode.slice(0, 1),
    categoryCode: overrides.classCode.slice(0, 2),
    activity: { value: 0 },
    ...overrides,
  };
}

/** Toolkit 2013 rows, as in the shipped classes.csv (empty cells read as NA). */
export const CLASS_1A1 = row('µg TEQ/t', [value(3500), ND, NA, NA, value(75)]);
export const CLASS_3A2 = row('µg TEQ/TJ', [value(10), NA, NA, NA, value(14)]);
export const CLASS_8B1 = row('µg TEQ/cremation', [value(90), NA, NA, NA, value(2.5)]);
export const CLASS_7B2B = row('µg TEQ/ECU', [ND, value(1.7), NA, ND, NA], 'verified');

/** A seeded generator (mulberry32): the property tests repeat exactly. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** x = mantissa x 2^exponent, exactly (x finite). */
function exactParts(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  return { mantissa: negative ? -mantissa : mantissa, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

/** The exact sum of doubles, in BigInt, rounded once to the nearest double: the reference for totals. */
export function exactSum(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const parts = values.map(exactParts);
  const lowest = Math.min(...parts.map((p) => p.exponent));
  const total = parts.reduce((sum, p) => sum + (p.mantissa << BigInt(p.exponent - lowest)), 0n);
  return Number(total) * 2 ** lowest;
}

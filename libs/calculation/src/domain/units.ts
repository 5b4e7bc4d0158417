import { CalculationError, CalculationErrorCode } from './calculation.errors';
import type { Result, SubstanceBasis } from './calculation.types';

/**
 * Units of activity and of emission factors, read from the texts the catalogue prints
 * ("t of waste burned", "TJ of fuel burned", "cremation (body)", "µg TEQ/t biomass burned",
 * "µg TEQ per million items", "µg/t coke produced").
 *
 * A scale is `coefficient x 10^exponent` of the dimension's base unit. Keeping the power of ten
 * apart lets a conversion divide by an exact power of ten (1e6) instead of multiplying by an
 * inexact one (1e-6): 3500 x 12000 / 1e6 is exactly 42, 3500 x 12000 x 1e-6 need not be.
 */
export interface Scale {
  coefficient: number;
  exponent: number;
}

/**
 * What an activity unit measures. Counts are of one thing each (a cremation is not a vehicle);
 * "ADt" (air-dried tonne of pulp) is its own dimension: it is a tonne at a fixed moisture, so a
 * plain tonne of wet pulp does not convert to it.
 */
export type Dimension =
  | { kind: 'mass' }
  | { kind: 'energy' }
  | { kind: 'volume' }
  | { kind: 'area' }
  | { kind: 'air-dried mass' }
  | { kind: 'count'; of: string };

export interface ActivityUnit {
  /** The text as given, e.g. "t of waste burned". */
  text: string;
  /** The unit read from it, e.g. "t", "TJ", "million items", "cremation". */
  symbol: string;
  dimension: Dimension;
  /** Of the dimension's base unit (t, TJ, m3, ha, ADt, one item). */
  scale: Scale;
  /** What follows the unit, e.g. "of waste burned", "(body)". Informative only. */
  qualifier: string;
}

export interface FactorUnit {
  /** The text as given, e.g. "µg TEQ/t biomass burned". */
  text: string;
  /** The amount unit, normalised: "pg", "ng", "µg", "mg", "g", "kg". */
  amountSymbol: string;
  /** Of one gram, e.g. µg: 1 x 10^-6. */
  amountScale: Scale;
  basis: SubstanceBasis;
  /** The unit of activity the factor is per. */
  per: ActivityUnit;
}

const scale = (coefficient: number, exponent: number): Scale => ({ coefficient, exponent });

const MASS = { kind: 'mass' } as const;
const ENERGY = { kind: 'energy' } as const;
const VOLUME = { kind: 'volume' } as const;
const AREA = { kind: 'area' } as const;

/** Unit symbols, case-sensitive (Mt is not mt, ML is not mL). Base units: t, TJ, m3, ha. */
const SYMBOLS: ReadonlyMap<string, { symbol: string; dimension: Dimension; scale: Scale }> = new Map(
  (
    [
      // mass, base t
      ['g', 'g', MASS, scale(1, -6)],
      ['kg', 'kg', MASS, scale(1, -3)],
      ['t', 't', MASS, scale(1, 0)],
      ['tonne', 't', MASS, scale(1, 0)],
      ['tonnes', 't', MASS, scale(1, 0)],
      ['Mg', 't', MASS, scale(1, 0)],
      ['kt', 'kt', MASS, scale(1, 3)],
      ['Gg', 'kt', MASS, scale(1, 3)],
      ['Mt', 'Mt', MASS, scale(1, 6)],
      ['Tg', 'Mt', MASS, scale(1, 6)],
      // air-dried tonnes of pulp, base ADt
      ['ADt', 'ADt', { kind: 'air-dried mass' }, scale(1, 0)],
      // energy, base TJ (1 MWh = 3.6 GJ = 0.0036 TJ = 36 x 10^-4 TJ)
      ['MJ', 'MJ', ENERGY, scale(1, -6)],
      ['GJ', 'GJ', ENERGY, scale(1, -3)],
      ['TJ', 'TJ', ENERGY, scale(1, 0)],
      ['PJ', 'PJ', ENERGY, scale(1, 3)],
      ['kWh', 'kWh', ENERGY, scale(36, -7)],
      ['MWh', 'MWh', ENERGY, scale(36, -4)],
      ['GWh', 'GWh', ENERGY, scale(36, -1)],
      ['TWh', 'TWh', ENERGY, scale(36, 2)],
      // volume, base m3 (ML is a megalitre)
      ['mL', 'mL', VOLUME, scale(1, -6)],
      ['L', 'L', VOLUME, scale(1, -3)],
      ['l', 'L', VOLUME, scale(1, -3)],
      ['m3', 'm3', VOLUME, scale(1, 0)],
      ['m³', 'm3', VOLUME, scale(1, 0)],
      ['ML', 'ML', VOLUME, scale(1, 3)],
      // area, base ha
      ['m2', 'm2', AREA, scale(1, -4)],
      ['m²', 'm2', AREA, scale(1, -4)],
      ['ha', 'ha', AREA, scale(1, 0)],
      ['km2', 'km2', AREA, scale(1, 2)],
      ['km²', 'km2', AREA, scale(1, 2)],
    ] as const
  ).map(([text, symbol, dimension, s]) => [text, { symbol, dimension, scale: s }]),
);

/** Things counted, by their singular, lower-case name (the text may say "cremations", "ECU"). */
const COUNTED: ReadonlyMap<string, string> = new Map([
  ['cremation', 'cremation'],
  ['vehicle', 'vehicle'],
  ['ecu', 'ECU'],
  ['item', 'item'],
  ['site', 'site'],
]);

const COUNT_MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['thousand', 3],
  ['million', 6],
  ['billion', 9],
]);

/** Amount units of a factor, of one gram. µ is accepted as micro sign, Greek mu or "u". */
const AMOUNTS: ReadonlyMap<string, { symbol: string; scale: Scale }> = new Map([
  ['pg', { symbol: 'pg', scale: scale(1, -12) }],
  ['ng', { symbol: 'ng', scale: scale(1, -9) }],
  ['µg', { symbol: 'µg', scale: scale(1, -6) }],
  ['μg', { symbol: 'µg', scale: scale(1, -6) }],
  ['ug', { symbol: 'µg', scale: scale(1, -6) }],
  ['mg', { symbol: 'mg', scale: scale(1, -3) }],
  ['g', { symbol: 'g', scale: scale(1, 0) }],
  ['kg', { symbol: 'kg', scale: scale(1, 3) }],
]);

/** Exact powers of ten (literals are correctly rounded; 10 ** n need not be). */
const POWERS_OF_TEN = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/** x x 10^exponent, dividing by an exact power of ten when the exponent is negative. */
export function timesPowerOfTen(x: number, exponent: number): number {
  let result = x;
  let rest = exponent;
  while (rest !== 0) {
    const step = Math.min(Math.abs(rest), POWERS_OF_TEN.length - 1);
    result = rest > 0 ? result * POWERS_OF_TEN[step] : result / POWERS_OF_TEN[step];
    rest += rest > 0 ? -step : step;
  }
  return result;
}

function unknown(text: string): CalculationError {
  return new CalculationError(
    { code: CalculationErrorCode.UNIT_UNKNOWN, unit: text },
    '',
    `Unit "${text}" is not one the calculation can read.`,
  );
}

function ambiguous(text: string): CalculationError {
  return new CalculationError(
    { code: CalculationErrorCode.UNIT_AMBIGUOUS, unit: text },
    '',
    `Unit "${text}" names more than one unit; the line must say which one its activity is in.`,
  );
}

export function incompatible(from: string, to: string): CalculationError {
  return new CalculationError(
    { code: CalculationErrorCode.UNIT_INCOMPATIBLE, from, to },
    '',
    `"${from}" does not convert to "${to}": they measure different things.`,
  );
}

/** The text without parenthesised remarks, e.g. "t of pulp (ADt); boilers" -> "t of pulp ; boilers". */
function withoutRemarks(text: string): string {
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out;
}

/**
 * Reads an activity unit from its leading unit token: "t of waste burned" -> t, "TJ of fuel
 * burned" -> TJ, "million items smoked" -> 10^6 items, "cremation (body)" -> one cremation,
 * "vehicle burned (EF per vehicle)" -> one vehicle. A text naming alternatives ("t or m3 of
 * crude", "m3 of leachate (water); t of waste") is UNIT_AMBIGUOUS; anything else unread is
 * UNIT_UNKNOWN.
 */
export function parseActivityUnit(text: string): Result<ActivityUnit> {
  const trimmed = text.trim();
  const plain = withoutRemarks(trimmed);
  if (plain.includes(';') || /^\S+\s+or\s/i.test(plain)) return { ok: false, errors: [ambiguous(text)] };
  const words = trimmed.split(/[\s(,/]+/).filter((word) => word !== '');
  if (words.length === 0) return { ok: false, errors: [unknown(text)] };
  const rest = (count: number): string =>
    trimmed
      .slice(words.slice(0, count).reduce((at, word) => trimmed.indexOf(word, at) + word.length, 0))
      .trim();

  const known = SYMBOLS.get(words[0]);
  if (known !== undefined) {
    return { ok: true, value: { text, symbol: known.symbol, dimension: known.dimension, scale: known.scale, qualifier: rest(1) } };
  }

  const multiplier = COUNT_MULTIPLIERS.get(words[0].toLowerCase());
  const nounAt = multiplier === undefined ? 0 : 1;
  const noun = words[nounAt]?.toLowerCase();
  const counted = noun === undefined ? undefined : (COUNTED.get(noun) ?? COUNTED.get(noun.replace(/s$/, '')));
  if (counted !== undefined) {
    const exponent = multiplier ?? 0;
    const symbol = multiplier === undefined ? counted : `${words[0].toLowerCase()} ${counted}s`;
    return {
      ok: true,
      value: { text, symbol, dimension: { kind: 'count', of: counted }, scale: scale(1, exponent), qualifier: rest(nounAt + 1) },
    };
  }
  return { ok: false, errors: [unknown(text)] };
}

/**
 * Reads a factor unit: amount (pg, ng, µg/ug, mg, g, kg), an optional TEQ mark (TEQ, I-TEQ,
 * WHO-TEQ, ...: basis TEQ, otherwise mass), then "/" or "per" and an activity unit:
 * "µg TEQ/t", "ng I-TEQ/GJ", "µg/t fuel burned", "µg TEQ per million items".
 */
export function parseFactorUnit(text: string): Result<FactorUnit> {
  const trimmed = text.trim();
  if (withoutRemarks(trimmed).includes(';')) return { ok: false, errors: [ambiguous(text)] };
  const match = /^(\S+?)(?:\s+([\w-]*TEQ))?\s*(?:\/|\s+per\s+)\s*(.+)$/iu.exec(trimmed);
  if (match === null) return { ok: false, errors: [unknown(text)] };
  const [, amountText, teq, perText] = match;
  const amount = AMOUNTS.get(amountText);
  if (amount === undefined) return { ok: false, errors: [unknown(text)] };
  const per = parseActivityUnit(perText);
  if (!per.ok) {
    const first = per.errors[0];
    return { ok: false, errors: [first.code === CalculationErrorCode.UNIT_AMBIGUOUS ? ambiguous(text) : unknown(text)] };
  }
  return {
    ok: true,
    value: { text, amountSymbol: amount.symbol, amountScale: amount.scale, basis: teq === undefined ? 'mass' : 'TEQ', per: per.value },
  };
}

/** True when both units measure the same thing (mass and mass, cremations and cremations). */
export function areCompatible(a: ActivityUnit, b: ActivityUnit): boolean {
  if (a.dimension.kind !== b.dimension.kind) return false;
  if (a.dimension.kind === 'count' && b.dimension.kind === 'count') return a.dimension.of === b.dimension.of;
  return true;
}

/** The scale that turns an amount in `from` into one in `to` (both compatible). */
export function conversionScale(from: ActivityUnit, to: ActivityUnit): Scale {
  return {
    coefficient: from.scale.coefficient / to.scale.coefficient,
    exponent: from.scale.exponent - to.scale.exponent,
  };
}

/** Applies a scale: value x coefficient x 10^exponent. */
export function applyScale(value: number, s: Scale): number {
  return timesPowerOfTen(value * s.coefficient, s.exponent);
}

/**
 * Converts an activity rate from one unit into another ("12 kt" into t: 12 000), or refuses with
 * UNIT_INCOMPATIBLE (from, to) when they measure different things; never a silent number.
 */
export function convertActivity(value: number, from: string, to: string): Result<number> {
  const source = parseActivityUnit(from);
  const target = parseActivityUnit(to);
  if (!source.ok || !target.ok) {
    return { ok: false, errors: [...(source.ok ? [] : source.errors), ...(target.ok ? [] : target.errors)] };
  }
  return convertBetween(value, source.value, target.value);
}

export function convertBetween(value: number, from: ActivityUnit, to: ActivityUnit): Result<number> {
  if (!areCompatible(from, to)) return { ok: false, errors: [incompatible(from.text, to.text)] };
  return { ok: true, value: applyScale(value, conversionScale(from, to)) };
}

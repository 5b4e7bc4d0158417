import type { LineResult, ReleaseCell, SubstanceBasis, SubstanceInput } from './calculation.types';
import { EMPTY_SUM, type PreciseSum, addTo, valueOf } from './precise-sum';

/** What totals can be grouped by; several at once give one total per combination. */
export const TOTAL_DIMENSIONS = ['party', 'group', 'category', 'class', 'vector', 'substance'] as const;
export type TotalDimension = (typeof TOTAL_DIMENSIONS)[number];

export type TotalKeys = Partial<Record<TotalDimension, string>>;

export interface TotalsOptions {
  /** e.g. ['category'], ['category', 'vector'], [] for one total per substance. */
  by: readonly TotalDimension[];
  /**
   * 'separate' (default): one total per substance. 'combined': substances of one basis are added
   * (e.g. PCDD/PCDF and dl-PCB as total TEQ); the caller asks for it. TEQ and mass never are.
   */
  substances?: 'separate' | 'combined';
  /** The substances' bases (catalogue `Substance`s fit), to place NA/ND cells of a substance without numbers. */
  substanceBases?: readonly SubstanceInput[];
}

/** Grams per year: of point releases, and including the ends of ranges. */
export interface Amounts {
  /** Sum of point releases only (cells of kind 'release'); null when there is none (NA/ND are not 0). */
  grams: number | null;
  /** Point releases + the low ends of the ranges; null when no cell gives a number. */
  lowGrams: number | null;
  /** Point releases + the high ends of the ranges; null when no cell gives a number. */
  highGrams: number | null;
}

export interface Total extends Amounts {
  keys: TotalKeys;
  /** The substance, or "*" when substances were combined. */
  substance: string;
  /** The substances the total includes, sorted. */
  substances: string[];
  /** null only for a total of NA/ND cells of a substance whose basis is unknown. */
  basis: SubstanceBasis | null;
  /** How many cells of each kind the total covers. NA and ND add nothing and are counted here. */
  counts: { release: number; range: number; NA: number; ND: number };
  /** What of the total rests on unverified factors (0 when nothing); share = unverified grams / grams (null when grams is 0 or null). */
  unverified: { grams: number; lowGrams: number; highGrams: number; share: number | null };
  /** Grams resting on country-specific factors. */
  countrySpecificGrams: number;
}

interface Accumulator {
  keys: TotalKeys;
  substance: string;
  substances: Set<string>;
  basis: SubstanceBasis | null;
  grams: PreciseSum;
  low: PreciseSum;
  high: PreciseSum;
  unverifiedGrams: PreciseSum;
  unverifiedLow: PreciseSum;
  unverifiedHigh: PreciseSum;
  countrySpecific: PreciseSum;
  counts: Total['counts'];
}

function keyOf(line: LineResult, cell: ReleaseCell, dimension: TotalDimension): string {
  switch (dimension) {
    case 'party':
      return line.party;
    case 'group':
      return line.groupCode;
    case 'category':
      return line.categoryCode;
    case 'class':
      return line.classCode;
    case 'vector':
      return cell.vector;
    case 'substance':
      return cell.substance;
    default: {
      const unreachable: never = dimension;
      throw new Error(`Unknown dimension ${String(unreachable)}`);
    }
  }
}

function basisOfCell(cell: ReleaseCell): SubstanceBasis | null {
  return cell.release.kind === 'release' || cell.release.kind === 'range' ? cell.release.basis : null;
}

/** A substance's basis: as given, else as its numeric cells say (when they agree), else unknown. */
function basesOf(results: readonly LineResult[], given: readonly SubstanceInput[]): Map<string, SubstanceBasis | null> {
  const bases = new Map<string, SubstanceBasis | null>();
  for (const line of results) {
    for (const cell of line.cells) {
      const basis = basisOfCell(cell);
      if (basis === null) continue;
      const known = bases.get(cell.substance);
      bases.set(cell.substance, known === undefined || known === basis ? basis : null);
    }
  }
  for (const substance of given) bases.set(substance.code, substance.basis);
  return bases;
}

// One collator for all comparisons: localeCompare with options builds a new one per call.
const collator = new Intl.Collator('en', { numeric: true });
const compareText = (a: string, b: string): number => collator.compare(a, b);

/**
 * Totals of releases grouped by the dimensions asked for, one per substance (or per basis when
 * substances are combined): compensated sums in g/a, counts of NA/ND cells, what rests on
 * unverified and country-specific factors. Sorted by the keys, then substance.
 */
export function totals(results: readonly LineResult[], options: TotalsOptions): Total[] {
  const combined = options.substances === 'combined';
  const bases = basesOf(results, options.substanceBases ?? []);
  const groups = new Map<string, Accumulator>();

  for (const line of results) {
    for (const cell of line.cells) {
      const basis = basisOfCell(cell) ?? bases.get(cell.substance) ?? null;
      const keys: TotalKeys = {};
      for (const dimension of options.by) keys[dimension] = keyOf(line, cell, dimension);
      const substance = combined ? '*' : cell.substance;
      const id = totalId(options.by, { keys, substance, basis });
      let acc = groups.get(id);
      if (acc === undefined) {
        acc = {
          keys,
          substance,
          substances: new Set(),
          basis,
          grams: EMPTY_SUM,
          low: EMPTY_SUM,
          high: EMPTY_SUM,
          unverifiedGrams: EMPTY_SUM,
          unverifiedLow: EMPTY_SUM,
          unverifiedHigh: EMPTY_SUM,
          countrySpecific: EMPTY_SUM,
          counts: { release: 0, range: 0, NA: 0, ND: 0 },
        };
        groups.set(id, acc);
      }
      acc.substances.add(cell.substance);
      const unverified = cell.confidence === 'unverified';
      const release = cell.release;
      switch (release.kind) {
        case 'NA':
        case 'ND':
          acc.counts[release.kind] += 1;
          break;
        case 'release':
          acc.counts.release += 1;
          acc.grams = addTo(acc.grams, release.grams);
          acc.low = addTo(acc.low, release.grams);
          acc.high = addTo(acc.high, release.grams);
          if (unverified) {
            acc.unverifiedGrams = addTo(acc.unverifiedGrams, release.grams);
            acc.unverifiedLow = addTo(acc.unverifiedLow, release.grams);
            acc.unverifiedHigh = addTo(acc.unverifiedHigh, release.grams);
          }
          if (cell.countrySpecific) acc.countrySpecific = addTo(acc.countrySpecific, release.grams);
          break;
        case 'range':
          acc.counts.range += 1;
          acc.low = addTo(acc.low, release.lowGrams);
          acc.high = addTo(acc.high, release.highGrams);
          if (unverified) {
            acc.unverifiedLow = addTo(acc.unverifiedLow, release.lowGrams);
            acc.unverifiedHigh = addTo(acc.unverifiedHigh, release.highGrams);
          }
          break;
        default: {
          const unreachable: never = release;
          throw new Error(`Unhandled release ${JSON.stringify(unreachable)}`);
        }
      }
    }
  }

  const out = [...groups.values()].map((acc): Total => {
    const numbers = acc.counts.release + acc.counts.range > 0;
    const grams = acc.counts.release > 0 ? valueOf(acc.grams) : null;
    const unverifiedGrams = valueOf(acc.unverifiedGrams);
    return {
      keys: acc.keys,
      substance: acc.substance,
      substances: [...acc.substances].sort(compareText),
      basis: acc.basis,
      grams,
      lowGrams: numbers ? valueOf(acc.low) : null,
      highGrams: numbers ? valueOf(acc.high) : null,
      counts: acc.counts,
      unverified: {
        grams: unverifiedGrams,
        lowGrams: valueOf(acc.unverifiedLow),
        highGrams: valueOf(acc.unverifiedHigh),
        share: grams === null || grams === 0 ? null : unverifiedGrams / grams,
      },
      countrySpecificGrams: valueOf(acc.countrySpecific),
    };
  });
  return out.sort(compareTotals(options.by));
}

export function compareTotals(by: readonly TotalDimension[]) {
  return (a: Pick<Total, 'keys' | 'substance' | 'basis'>, b: Pick<Total, 'keys' | 'substance' | 'basis'>): number => {
    for (const dimension of by) {
      const order = compareText(a.keys[dimension] ?? '', b.keys[dimension] ?? '');
      if (order !== 0) return order;
    }
    return compareText(a.substance, b.substance) || compareText(a.basis ?? '', b.basis ?? '');
  };
}

/** The identity of a total (its keys, substance and basis), to match totals of two inventories. */
export function totalId(by: readonly TotalDimension[], total: Pick<Total, 'keys' | 'substance' | 'basis'>): string {
  // NUL cannot occur in codes: joined keys are as unambiguous as JSON and cheaper per cell.
  return [...by.map((d) => total.keys[d] ?? '\u0001'), total.substance, total.basis ?? '\u0001'].join('\u0000');
}

import type { ActivityLine, EditionFactor, LineResult, Result, SubstanceBasis } from './calculation.types';
import { type ReleaseOptions, calculateLines } from './release';
import { type Change, changeOfTotals } from './time-series';
import { type Total, type TotalKeys, type TotalsOptions, compareTotals, totalId, totals } from './totals';

export interface RecalculationRow {
  keys: TotalKeys;
  substance: string;
  basis: SubstanceBasis | null;
  /** null when no cell of the previous edition falls here (not estimated then: not 0). */
  previous: Total | null;
  current: Total | null;
  /** current - previous point releases; null when either side has none. */
  difference: Change | null;
}

export interface Recalculation {
  rows: RecalculationRow[];
  /** Lines computed under one edition only: the two inventories are not the same activity set. */
  onlyInPrevious: string[];
  onlyInCurrent: string[];
}

/**
 * Old and new totals (grouped as `options.by` says, default per category) of the same activity
 * lines computed under two editions' factors, with the differences.
 */
export function compareRecalculated(
  previous: readonly LineResult[],
  current: readonly LineResult[],
  options: TotalsOptions = { by: ['category'] },
): Recalculation {
  const before = new Map(totals(previous, options).map((t) => [totalId(options.by, t), t]));
  const after = new Map(totals(current, options).map((t) => [totalId(options.by, t), t]));
  const ids = new Set([...before.keys(), ...after.keys()]);
  const rows = [...ids].map((id): RecalculationRow => {
    const old = before.get(id) ?? null;
    const now = after.get(id) ?? null;
    const some = (now ?? old) as Total;
    return {
      keys: some.keys,
      substance: some.substance,
      basis: some.basis,
      previous: old,
      current: now,
      difference: changeOfTotals(old, now),
    };
  });
  const previousIds = new Set(previous.map((line) => line.lineId));
  const currentIds = new Set(current.map((line) => line.lineId));
  return {
    rows: rows.sort(compareTotals(options.by)),
    onlyInPrevious: [...previousIds].filter((id) => !currentIds.has(id)).sort(),
    onlyInCurrent: [...currentIds].filter((id) => !previousIds.has(id)).sort(),
  };
}

/** The lines with their edition factors replaced by those of another edition (overrides kept). */
export function withEditionFactors(lines: readonly ActivityLine[], factors: readonly EditionFactor[]): ActivityLine[] {
  const byClass = new Map<string, EditionFactor[]>();
  for (const factor of factors) byClass.set(factor.classCode, [...(byClass.get(factor.classCode) ?? []), factor]);
  return lines.map((line) => ({ ...line, factors: byClass.get(line.classCode) ?? [] }));
}

/**
 * Computes the same activity lines under two editions' factors (country-specific overrides apply
 * in both) and compares the totals. Refuses, with every reason, when either edition's factors
 * cannot be applied (fields prefixed "previous." or "current.").
 */
export function recalculate(
  lines: readonly ActivityLine[],
  previousFactors: readonly EditionFactor[],
  currentFactors: readonly EditionFactor[],
  options: TotalsOptions & ReleaseOptions = { by: ['category'] },
): Result<Recalculation> {
  const previous = calculateLines(withEditionFactors(lines, previousFactors), options);
  const current = calculateLines(withEditionFactors(lines, currentFactors), options);
  if (!previous.ok || !current.ok) {
    return {
      ok: false,
      errors: [
        ...(previous.ok ? [] : previous.errors.map((e) => e.within('previous'))),
        ...(current.ok ? [] : current.errors.map((e) => e.within('current'))),
      ],
    };
  }
  return { ok: true, value: compareRecalculated(previous.value, current.value, options) };
}

/**
 * Compensated summation (Neumaier's improvement of Kahan's): keeps the low-order bits each addition
 * loses, so a total of thousands of releases equals the exact sum to a few units in the last place,
 * whatever the order and the spread of magnitudes.
 */
export interface PreciseSum {
  readonly sum: number;
  readonly compensation: number;
}

export const EMPTY_SUM: PreciseSum = { sum: 0, compensation: 0 };

export function addTo(acc: PreciseSum, value: number): PreciseSum {
  const sum = acc.sum + value;
  const lost = Math.abs(acc.sum) >= Math.abs(value) ? acc.sum - sum + value : value - sum + acc.sum;
  return { sum, compensation: acc.compensation + lost };
}

export function valueOf(acc: PreciseSum): number {
  return acc.sum + acc.compensation;
}

export function preciseSum(values: Iterable<number>): number {
  let acc = EMPTY_SUM;
  for (const value of values) acc = addTo(acc, value);
  return valueOf(acc);
}

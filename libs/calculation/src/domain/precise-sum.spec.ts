import { exactSum, seeded } from '../testing/calculation.fixtures';
import { preciseSum } from './precise-sum';

describe('preciseSum', () => {
  it('given cancelling magnitudes, when summed, then nothing is lost (a naive sum gives 0)', () => {
    const values = [1, 1e100, 1, -1e100];
    expect(values.reduce((a, b) => a + b, 0)).toBe(0);
    expect(preciseSum(values)).toBe(2);
  });

  it('given ten times 0.1, when summed, then exactly the double nearest to the true sum (1)', () => {
    expect(preciseSum(Array(10).fill(0.1))).toBe(exactSum(Array(10).fill(0.1)));
  });

  it('given 10 000 values spread over 20 orders of magnitude, when summed, then it equals the BigInt exact sum to 1e-15', () => {
    const random = seeded(7);
    const values = Array.from({ length: 10_000 }, () => 10 ** (random() * 20 - 10) * (random() < 0.5 ? -1 : 1));
    const exact = exactSum(values);
    expect(Math.abs(preciseSum(values) - exact) / Math.abs(exact)).toBeLessThanOrEqual(1e-15);
  });

  it('given no value, when summed, then 0', () => {
    expect(preciseSum([])).toBe(0);
  });
});

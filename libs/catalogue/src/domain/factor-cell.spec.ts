import { factorValueProblem, formatFactorValue, parseFactorCell } from './factor-cell';

describe('parseFactorCell', () => {
  it.each([
    ['3500', { kind: 'value', value: 3500 }],
    ['0.00075', { kind: 'value', value: 0.00075 }],
    ['7.5E-4', { kind: 'value', value: 0.00075 }],
    [' 75 ', { kind: 'value', value: 75 }],
    ['0.001-0.004', { kind: 'range', low: 0.001, high: 0.004 }],
    ['12-28', { kind: 'range', low: 12, high: 28 }],
    ['ND', { kind: 'ND' }],
    ['NA', { kind: 'NA' }],
    ['', { kind: 'NA' }],
  ])('reads %j', (cell, value) => {
    expect(parseFactorCell(cell)).toEqual({ ok: true, value });
  });

  it('never turns ND or NA into a number', () => {
    for (const cell of ['ND', 'NA', '']) {
      const parsed = parseFactorCell(cell);
      expect(parsed.ok && parsed.value.kind).not.toBe('value');
      expect(parsed).not.toHaveProperty('value.value');
    }
  });

  it.each(['12,000', '-1', 'abc', '0.5.1', '28-12', 'nd', '1e', '.5', '3 500'])('refuses %j with a reason', (cell) => {
    expect(parseFactorCell(cell)).toEqual({ ok: false, reason: expect.any(String) });
  });

  it('prints what it reads', () => {
    for (const cell of ['3500', '0.00075', '0.001-0.004', 'ND', '']) {
      const parsed = parseFactorCell(cell);
      if (!parsed.ok) throw new Error(cell);
      expect(formatFactorValue(parsed.value)).toBe(cell);
    }
  });
});

describe('factorValueProblem', () => {
  it('accepts numbers >= 0, ranges going up, ND and NA', () => {
    expect(factorValueProblem({ kind: 'value', value: 0 })).toBeNull();
    expect(factorValueProblem({ kind: 'range', low: 1, high: 2 })).toBeNull();
    expect(factorValueProblem({ kind: 'ND' })).toBeNull();
  });

  it('refuses negative, infinite and NaN values, and ranges going down', () => {
    expect(factorValueProblem({ kind: 'value', value: -1 })).toMatch(/>= 0/);
    expect(factorValueProblem({ kind: 'value', value: Number.NaN })).toMatch(/finite/);
    expect(factorValueProblem({ kind: 'value', value: Number.POSITIVE_INFINITY })).toMatch(/finite/);
    expect(factorValueProblem({ kind: 'range', low: 2, high: 1 })).toMatch(/higher/);
  });
});

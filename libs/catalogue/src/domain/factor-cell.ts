import type { EmissionFactorValue } from './catalogue.types';

/**
 * Plain decimals as the Toolkit prints them ("3500", "0.00075"), and the exponent form a
 * spreadsheet export may produce ("7.5E-4"). No thousands separators: "12,000" in a CSV cell
 * would be ambiguous with a decimal comma, so it is rejected rather than guessed.
 */
const NUMBER = /^\d+(\.\d+)?([eE][-+]?\d+)?$/;
const RANGE = /^(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*-\s*(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;

export type FactorCellResult = { ok: true; value: EmissionFactorValue } | { ok: false; reason: string };

/**
 * Reads one ef_* cell. Empty means NA by the sheet's convention; "NA" printed literally (as some
 * annexes do) means the same. ND stays ND. Nothing here ever becomes 0.
 */
export function parseFactorCell(cell: string): FactorCellResult {
  const text = cell.trim();
  if (text === '' || text === 'NA') return { ok: true, value: { kind: 'NA' } };
  if (text === 'ND') return { ok: true, value: { kind: 'ND' } };
  if (NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { ok: true, value: { kind: 'value', value } };
  }
  const range = RANGE.exec(text);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    if (Number.isFinite(low) && Number.isFinite(high) && low < high) {
      return { ok: true, value: { kind: 'range', low, high } };
    }
    return { ok: false, reason: `range "${text}" must go from a lower to a higher number` };
  }
  return {
    ok: false,
    reason: `"${text}" is not a factor: expected a number (e.g. 3500 or 0.5), a range (0.001-0.004), ND, NA or an empty cell`,
  };
}

/** Checks a factor value given by a command (not read from text): same rules as the sheets. */
export function factorValueProblem(value: EmissionFactorValue): string | null {
  switch (value.kind) {
    case 'NA':
    case 'ND':
      return null;
    case 'value':
      return Number.isFinite(value.value) && value.value >= 0 ? null : 'value must be a finite number >= 0';
    case 'range':
      return Number.isFinite(value.low) && Number.isFinite(value.high) && value.low >= 0 && value.low < value.high
        ? null
        : 'range must go from a finite low >= 0 to a higher finite number';
    default: {
      const unknown: never = value;
      return `unknown factor kind ${JSON.stringify(unknown)}`;
    }
  }
}

/** True when the factor gives a number (a value or a range), i.e. when its unit matters. */
export function hasNumber(value: EmissionFactorValue): boolean {
  return value.kind === 'value' || value.kind === 'range';
}

/** Text as a sheet would print it: the inverse of parseFactorCell (NA printed as empty). */
export function formatFactorValue(value: EmissionFactorValue): string {
  switch (value.kind) {
    case 'value':
      return String(value.value);
    case 'range':
      return `${value.low}-${value.high}`;
    case 'ND':
      return 'ND';
    case 'NA':
      return '';
    default: {
      const unknown: never = value;
      return String(unknown);
    }
  }
}

/** Why a calculation was refused. Mapped once, exhaustively, by whoever exposes it. */
export enum CalculationErrorCode {
  /** A unit text the calculation cannot read (names the string). */
  UNIT_UNKNOWN = 'UNIT_UNKNOWN',
  /** A unit text that names several units ("t or m3 of crude", "m3 of leachate; t of waste"). */
  UNIT_AMBIGUOUS = 'UNIT_AMBIGUOUS',
  /** Two units that measure different things (t and TJ, cremation and vehicle). */
  UNIT_INCOMPATIBLE = 'UNIT_INCOMPATIBLE',
  /** The factor's unit says TEQ (or mass) but the substance is of the other basis. */
  BASIS_MISMATCH = 'BASIS_MISMATCH',
  /** An activity that is not a finite number >= 0. */
  INVALID_ACTIVITY = 'INVALID_ACTIVITY',
  /** A factor value that is not a finite number >= 0, or a range with low > high. */
  INVALID_FACTOR = 'INVALID_FACTOR',
  /** Two factors (or two overrides) of one line for the same substance and vector. */
  DUPLICATE_FACTOR = 'DUPLICATE_FACTOR',
  /** Activity x factor beyond what a double holds: a typo of many orders of magnitude. */
  RELEASE_OUT_OF_RANGE = 'RELEASE_OUT_OF_RANGE',
  /** A time series asked for a baseline year no inventory has. */
  BASELINE_YEAR_MISSING = 'BASELINE_YEAR_MISSING',
}

/** What each code carries besides the sentence: enough for the user to fix the input. */
export type CalculationErrorDetail =
  | { code: CalculationErrorCode.UNIT_UNKNOWN; unit: string }
  | { code: CalculationErrorCode.UNIT_AMBIGUOUS; unit: string }
  | { code: CalculationErrorCode.UNIT_INCOMPATIBLE; from: string; to: string }
  | { code: CalculationErrorCode.BASIS_MISMATCH; substance: string; expected: 'TEQ' | 'mass'; actual: 'TEQ' | 'mass' }
  | { code: CalculationErrorCode.INVALID_ACTIVITY; value: number }
  | { code: CalculationErrorCode.INVALID_FACTOR; substance: string; vector: string }
  | { code: CalculationErrorCode.DUPLICATE_FACTOR; substance: string; vector: string }
  | { code: CalculationErrorCode.RELEASE_OUT_OF_RANGE; substance: string; vector: string }
  | { code: CalculationErrorCode.BASELINE_YEAR_MISSING; year: number };

/**
 * A refused calculation: the detail (code and its data), the offending field (a path into the
 * input, e.g. "lines[3].activity.unit" or "factors[2].unit"), and a sentence for people.
 */
export class CalculationError extends Error {
  constructor(
    readonly detail: CalculationErrorDetail,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalculationError';
  }

  get code(): CalculationErrorCode {
    return this.detail.code;
  }

  /** The same error, seen from an enclosing input (e.g. one line of an inventory). */
  within(prefix: string): CalculationError {
    return new CalculationError(this.detail, this.field === '' ? prefix : `${prefix}.${this.field}`, this.message);
  }
}

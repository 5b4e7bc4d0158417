import { CalculationError, CalculationErrorCode } from './calculation.errors';
import type {
  ActivityLine,
  FactorInput,
  LineResult,
  Release,
  ReleaseCell,
  Result,
  SubstanceBasis,
  SubstanceInput,
} from './calculation.types';
import {
  type ActivityUnit,
  type FactorUnit,
  areCompatible,
  conversionScale,
  incompatible,
  parseActivityUnit,
  parseFactorUnit,
  timesPowerOfTen,
} from './units';

export interface ReleaseOptions {
  /** Substances with their basis (catalogue `Substance`s fit): a factor whose unit says otherwise is refused. */
  substances?: readonly SubstanceInput[];
}

interface EffectiveFactor {
  factor: FactorInput;
  field: string;
  countrySpecific: boolean;
}

const fail = <T>(errors: CalculationError[]): Result<T> => ({ ok: false, errors });

function within(errors: CalculationError[], field: string): CalculationError[] {
  return errors.map((error) => error.within(field));
}

function isAmount(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}

/** The edition's factors with the country-specific ones in their place (same substance and vector). */
function effectiveFactors(line: ActivityLine): { factors: EffectiveFactor[]; errors: CalculationError[] } {
  const errors: CalculationError[] = [];
  const byKey = new Map<string, EffectiveFactor>();
  const add = (factors: readonly FactorInput[], name: string, countrySpecific: boolean): Set<string> => {
    const seen = new Set<string>();
    factors.forEach((factor, index) => {
      const key = `${factor.substance}\u0000${factor.vector}`;
      const field = `${name}[${index}]`;
      if (seen.has(key)) {
        errors.push(
          new CalculationError(
            { code: CalculationErrorCode.DUPLICATE_FACTOR, substance: factor.substance, vector: factor.vector },
            field,
            `Line "${line.lineId}" has two ${countrySpecific ? 'country-specific ' : ''}factors for ${factor.substance} to ${factor.vector}.`,
          ),
        );
        return;
      }
      seen.add(key);
      byKey.set(key, { factor, field, countrySpecific });
    });
    return seen;
  };
  add(line.factors, 'factors', false);
  add(line.overrides ?? [], 'overrides', true);
  return { factors: [...byKey.values()], errors };
}

/**
 * grams per year = activity (in the factor's per-unit) x factor (in its amount unit) in grams.
 * With EF in µg TEQ/t and activity in t/a: activity x EF / 10^6 g TEQ/a.
 */
function gramsOf(activity: number, activityUnit: ActivityUnit, factor: number, unit: FactorUnit): number {
  const conversion = conversionScale(activityUnit, unit.per);
  return timesPowerOfTen(
    activity * factor * conversion.coefficient * unit.amountScale.coefficient,
    conversion.exponent + unit.amountScale.exponent,
  );
}

function cellOf(effective: EffectiveFactor, release: Release): ReleaseCell {
  return {
    substance: effective.factor.substance,
    vector: effective.factor.vector,
    release,
    confidence: effective.factor.confidence,
    countrySpecific: effective.countrySpecific,
    factorUnit: effective.factor.unit,
  };
}

/**
 * The releases of one line, per substance and vector: activity x factor in g/a (g TEQ/a for TEQ
 * factors). NA and ND stay NA and ND; a range gives a range. Refuses (every reason at once) an
 * activity that is not a number >= 0, a unit it cannot read, or units that do not convert.
 */
export function calculateLine(line: ActivityLine, options: ReleaseOptions = {}): Result<LineResult> {
  const errors: CalculationError[] = [];
  const bases = new Map<string, SubstanceBasis>((options.substances ?? []).map((s) => [s.code, s.basis]));

  if (!isAmount(line.activity.value)) {
    errors.push(
      new CalculationError(
        { code: CalculationErrorCode.INVALID_ACTIVITY, value: line.activity.value },
        'activity.value',
        `The activity of line "${line.lineId}" must be a number >= 0, not ${line.activity.value}.`,
      ),
    );
  }

  // A repeated cell is reported, and the first one is still checked, so every reason shows at once.
  const { factors: effective, errors: duplicates } = effectiveFactors(line);
  errors.push(...duplicates);
  const needsUnits = line.activity.unit !== undefined || effective.some((e) => e.factor.value.kind === 'value' || e.factor.value.kind === 'range');

  // The class's unit is only needed when something is converted or multiplied: a class whose unit
  // names alternatives ("t or m3 of crude") can still report its NA and ND cells.
  const classUnit = parseActivityUnit(line.classActivityUnit);
  let activityUnit: ActivityUnit | undefined;
  if (needsUnits) {
    if (!classUnit.ok) errors.push(...within(classUnit.errors, 'classActivityUnit'));
    else if (line.activity.unit === undefined) activityUnit = classUnit.value;
    else {
      const given = parseActivityUnit(line.activity.unit);
      if (!given.ok) errors.push(...within(given.errors, 'activity.unit'));
      else if (!areCompatible(given.value, classUnit.value)) {
        errors.push(incompatible(line.activity.unit, line.classActivityUnit).within('activity.unit'));
      } else activityUnit = given.value;
    }
  }

  const cells: ReleaseCell[] = [];
  for (const entry of effective) {
    const { factor, field } = entry;
    const value = factor.value;
    switch (value.kind) {
      case 'NA':
      case 'ND':
        cells.push(cellOf(entry, { kind: value.kind }));
        continue;
      case 'value':
      case 'range': {
        const numbers = value.kind === 'value' ? [value.value] : [value.low, value.high];
        if (!numbers.every(isAmount) || (value.kind === 'range' && value.low > value.high)) {
          errors.push(
            new CalculationError(
              { code: CalculationErrorCode.INVALID_FACTOR, substance: factor.substance, vector: factor.vector },
              `${field}.value`,
              `The factor for ${factor.substance} to ${factor.vector} must be numbers >= 0 (a range low <= high).`,
            ),
          );
          continue;
        }
        const unit = parseFactorUnit(factor.unit);
        if (!unit.ok) {
          errors.push(...within(unit.errors, `${field}.unit`));
          continue;
        }
        const expected = bases.get(factor.substance);
        if (expected !== undefined && expected !== unit.value.basis) {
          errors.push(
            new CalculationError(
              { code: CalculationErrorCode.BASIS_MISMATCH, substance: factor.substance, expected, actual: unit.value.basis },
              `${field}.unit`,
              `${factor.substance} is counted as ${expected}, but the factor's unit "${factor.unit}" is ${unit.value.basis}.`,
            ),
          );
          continue;
        }
        if (classUnit.ok && !areCompatible(unit.value.per, classUnit.value)) {
          errors.push(incompatible(factor.unit, line.classActivityUnit).within(`${field}.unit`));
          continue;
        }
        if (activityUnit === undefined) continue; // the activity's unit error is already reported
        const basis = unit.value.basis;
        const per = unit.value;
        const release: Release =
          value.kind === 'value'
            ? { kind: 'release', grams: gramsOf(line.activity.value, activityUnit, value.value, per), basis }
            : {
                kind: 'range',
                lowGrams: gramsOf(line.activity.value, activityUnit, value.low, per),
                highGrams: gramsOf(line.activity.value, activityUnit, value.high, per),
                basis,
              };
        const grams = release.kind === 'release' ? [release.grams] : [release.lowGrams, release.highGrams];
        // An invalid activity is reported already; a valid one can still overflow the product.
        if (isAmount(line.activity.value) && !grams.every(Number.isFinite)) {
          errors.push(
            new CalculationError(
              { code: CalculationErrorCode.RELEASE_OUT_OF_RANGE, substance: factor.substance, vector: factor.vector },
              'activity.value',
              `Line "${line.lineId}": ${line.activity.value} x the factor for ${factor.substance} to ${factor.vector} is too large to compute; check the activity's order of magnitude.`,
            ),
          );
          continue;
        }
        cells.push(cellOf(entry, release));
        continue;
      }
      default: {
        const unreachable: never = value;
        throw new Error(`Unhandled factor value ${JSON.stringify(unreachable)}`);
      }
    }
  }

  if (errors.length > 0) return fail(errors);
  return {
    ok: true,
    value: {
      lineId: line.lineId,
      party: line.party,
      groupCode: line.groupCode,
      categoryCode: line.categoryCode,
      classCode: line.classCode,
      cells,
    },
  };
}

/**
 * The releases of every line, or every reason any line could not be computed (fields prefixed
 * "lines[i]"): no total is ever built on a partial inventory.
 */
export function calculateLines(lines: readonly ActivityLine[], options: ReleaseOptions = {}): Result<LineResult[]> {
  const results: LineResult[] = [];
  const errors: CalculationError[] = [];
  lines.forEach((line, index) => {
    const result = calculateLine(line, options);
    if (result.ok) results.push(result.value);
    else errors.push(...within(result.errors, `lines[${index}]`));
  });
  return errors.length > 0 ? fail(errors) : { ok: true, value: results };
}

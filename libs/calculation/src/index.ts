// The calculation's public API: pure functions from activity lines and factors to releases,
// totals, time series and recalculations. No I/O, no framework, no clock.
export * from './domain/calculation.types';
export { CalculationError, CalculationErrorCode, type CalculationErrorDetail } from './domain/calculation.errors';
export {
  type ActivityUnit,
  type Dimension,
  type FactorUnit,
  type Scale,
  areCompatible,
  convertActivity,
  convertBetween,
  parseActivityUnit,
  parseFactorUnit,
} from './domain/units';
export { preciseSum } from './domain/precise-sum';
export { type ReleaseOptions, calculateLine, calculateLines } from './domain/release';
export { TOTAL_DIMENSIONS, type Amounts, type Total, type TotalDimension, type TotalKeys, type TotalsOptions, totals } from './domain/totals';
export {
  type Change,
  type InventoryOfYear,
  type SeriesPoint,
  type SeriesRow,
  type TimeSeries,
  type TimeSeriesOptions,
  timeSeries,
} from './domain/time-series';
export {
  type Recalculation,
  type RecalculationRow,
  compareRecalculated,
  recalculate,
  withEditionFactors,
} from './domain/recalculation';

/**
 * Names the calculation's rules (unit conversions, sums, NA/ND handling) as frozen submissions
 * record them; raise it whenever a change could move a computed release.
 */
export const CALCULATION_ENGINE_VERSION = 'upops-calculation/1';

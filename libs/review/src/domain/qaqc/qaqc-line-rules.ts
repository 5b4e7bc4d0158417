import { type ActivityUnit, areCompatible, convertBetween, parseActivityUnit } from '@upops/calculation';
import type { ActivityLine } from '@upops/inventory';
import { describeLine, finding, formatNumber, lineSubject } from './qaqc-finding';
import type { PlausibleRange, QaqcFinding, QaqcInput, QaqcOptions } from './qaqc.types';

/**
 * UNIT_INCOMPATIBLE: every line the calculation refused (it counts for nothing in the totals, so
 * the inventory cannot go out with it), then any line whose unit does not convert to its class's
 * unit that the calculation did not already report (e.g. releases computed before a revision).
 */
export function unitIncompatible(input: QaqcInput): QaqcFinding[] {
  const { inventory, releases, edition } = input;
  const reported = new Set(releases.uncalculated.map((u) => u.lineId));
  const refused = releases.uncalculated.map((u) => {
    const line = inventory.lines[u.lineId];
    const reasons = u.errors.map((e) => e.message).join(' ');
    const what = line === undefined ? `Line ${u.lineId}` : `${describeLine(line, edition)} in "${line.unit}"`;
    return finding(
      'UNIT_INCOMPATIBLE',
      lineSubject(u.lineId, line?.classCode ?? ''),
      `${what} could not be calculated: ${reasons} Until what these name is fixed, the line counts for nothing in the totals.`,
    );
  });
  const unconvertible = Object.values(inventory.lines)
    .filter((line) => !reported.has(line.lineId))
    .flatMap((line) => {
      const problem = unitProblem(line, edition.classes[line.classCode]?.activityUnit);
      if (problem === null) return [];
      return [
        finding(
          'UNIT_INCOMPATIBLE',
          lineSubject(line.lineId, line.classCode),
          `${describeLine(line, edition)}: ${problem} Fix the line's unit so it converts to the class's unit.`,
        ),
      ];
    });
  return [...refused, ...unconvertible];
}

/** Why the line's unit does not convert to the class's, or null when it does or cannot be judged. */
function unitProblem(line: ActivityLine, classUnitText: string | undefined): string | null {
  const given = parseActivityUnit(line.unit);
  if (!given.ok) return `its unit "${line.unit}" cannot be read: ${given.errors.map((e) => e.message).join(' ')}`;
  // An unknown class or a class unit naming alternatives is the catalogue's to fix, not the line's.
  if (classUnitText === undefined) return null;
  const expected = parseActivityUnit(classUnitText);
  if (!expected.ok || areCompatible(given.value, expected.value)) return null;
  return `its unit "${line.unit}" does not convert to the class's unit "${classUnitText}": they measure different things.`;
}

/**
 * ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE: an activity of 0 or less (a category that does not occur is
 * marked so, not entered as 0), or one outside the range for its unit's dimension, compared in
 * the range's unit. The range is found from the line's unit: its dimension is the class's when
 * the units convert, and a class unit naming alternatives ("t or m3") still gets checked.
 */
export function activityOutsideRange(input: QaqcInput, options: QaqcOptions): QaqcFinding[] {
  const { inventory, edition } = input;
  const ranges = readRanges(options.plausibleRanges);
  return Object.values(inventory.lines).flatMap((line) => {
    const where = describeLine(line, edition);
    const subject = lineSubject(line.lineId, line.classCode);
    // `!(x > 0)` also catches NaN, which is no amount either.
    if (!(line.activityRate > 0)) {
      return [
        finding(
          'ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE',
          subject,
          `${where}: the activity is ${line.activityRate} ${line.unit}, which releases nothing. If the activity does not occur, remove the line and mark the category not occurring; otherwise enter the amount.`,
        ),
      ];
    }
    const given = parseActivityUnit(line.unit);
    const classUnit = parseActivityUnit(edition.classes[line.classCode]?.activityUnit ?? '');
    // A unit that does not convert is UNIT_INCOMPATIBLE's: comparing it to a range would only add noise.
    if (!given.ok || (classUnit.ok && !areCompatible(given.value, classUnit.value))) return [];
    const range = ranges.find((r) => areCompatible(r.unit, given.value));
    if (range === undefined) return [];
    const converted = convertBetween(line.activityRate, given.value, range.unit);
    if (!converted.ok) return [];
    const amount = converted.value;
    if (amount >= range.range.min && amount <= range.range.max) return [];
    const side = amount < range.range.min ? `below the plausible minimum of ${formatNumber(range.range.min)}` : `above the plausible maximum of ${formatNumber(range.range.max)}`;
    const inRangeUnit = range.unit.symbol === given.value.symbol ? '' : ` (${formatNumber(amount)} ${range.range.unit})`;
    return [
      finding(
        'ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE',
        subject,
        `${where}: the activity ${formatNumber(line.activityRate)} ${line.unit}${inRangeUnit} is ${side} ${range.range.unit} a year for one country. Check the number and its unit. Basis: ${range.range.basis}.`,
      ),
    ];
  });
}

/** Ranges with their unit read once; a range whose unit cannot be read applies to nothing. */
function readRanges(ranges: readonly PlausibleRange[]): { range: PlausibleRange; unit: ActivityUnit }[] {
  return ranges.flatMap((range) => {
    const unit = parseActivityUnit(range.unit);
    return unit.ok ? [{ range, unit: unit.value }] : [];
  });
}

import type { EditionState } from '@upops/catalogue';
import type { ActivityLine } from '@upops/inventory';
import { subjectKey } from '../review.types';
import type { QaqcFinding, QaqcRule, QaqcSeverity, QaqcSubject } from './qaqc.types';

/** A rule's severity is fixed: whether a finding blocks must not depend on who runs the checks. */
export const RULE_SEVERITY: Readonly<Record<QaqcRule, QaqcSeverity>> = {
  UNIT_INCOMPATIBLE: 'blocker',
  ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE: 'warning',
  TOTAL_JUMP: 'warning',
  ANNEX_C_PART_II_NOT_ADDRESSED: 'blocker',
  ND_CELLS: 'warning',
  RESIDUE_REUSE_DOUBLE_COUNTING: 'warning',
};

/** The id is rule + subject only (never the message), so a comment still matches after numbers change. */
export function finding(rule: QaqcRule, subject: QaqcSubject, message: string): QaqcFinding {
  return { findingId: `${rule}:${subjectKey(subject)}`, rule, severity: RULE_SEVERITY[rule], subject, message };
}

export function lineSubject(lineId: string, classCode: string): QaqcSubject {
  return { kind: 'line', lineId, classCode };
}

/** How people find the line again: its id, class (code and name) and facility. */
export function describeLine(line: ActivityLine, edition: EditionState): string {
  const name = edition.classes[line.classCode]?.name;
  const facility = line.facilityName === null ? '' : `, facility "${line.facilityName}"`;
  return `Line ${line.lineId} (class ${line.classCode}${name === undefined ? '' : ` ${name}`}${facility})`;
}

// Fixed locale: the same numbers read the same on every server, so messages are reproducible.
const PLAIN = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const SCIENTIFIC = new Intl.NumberFormat('en', { maximumSignificantDigits: 4, notation: 'scientific' });

/** Four significant digits; very large or small magnitudes as 5E12, where a row of zeros hides the order. */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3) ? SCIENTIFIC.format(value) : PLAIN.format(value);
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { compareText } from './qaqc-finding';
import { annexCPartIINotAddressed, ndCells, residueReuse, totalJump } from './qaqc-inventory-rules';
import { activityOutsideRange, unitIncompatible } from './qaqc-line-rules';
import { QAQC_RULES, type QaqcFinding, type QaqcInput, type QaqcOptions, type QaqcRule } from './qaqc.types';

/** One check per rule; the record makes a rule added to QAQC_RULES without a check fail to compile. */
const CHECKS: Readonly<Record<QaqcRule, (input: QaqcInput, options: QaqcOptions) => QaqcFinding[]>> = {
  UNIT_INCOMPATIBLE: unitIncompatible,
  ACTIVITY_OUTSIDE_PLAUSIBLE_RANGE: activityOutsideRange,
  TOTAL_JUMP: totalJump,
  ANNEX_C_PART_II_NOT_ADDRESSED: annexCPartIINotAddressed,
  ND_CELLS: ndCells,
  RESIDUE_REUSE_DOUBLE_COUNTING: residueReuse,
};

/**
 * The QA/QC checks of an inventory before it goes to review: pure (no I/O, no clock), so the
 * same inventory always yields the same findings in the same order (rule order of QAQC_RULES,
 * then findingId), and a warning's comment can be matched to its finding on every run.
 */
export function runQaqc(input: QaqcInput, options: QaqcOptions): QaqcFinding[] {
  return QAQC_RULES.flatMap((rule) => CHECKS[rule](input, options).sort((a, b) => compareText(a.findingId, b.findingId)));
}

import { textOrNull } from './decision';
import { ReviewErrorCode, refuse } from './review.errors';
import type { QaqcFinding } from './qaqc/qaqc.types';
import type { Acknowledgement } from './review.types';

/**
 * A request for review or a submission passes QA/QC when no blocker remains and every warning
 * has a comment. Returns the comments kept (those on current warnings, trimmed).
 */
export function passQaqc(findings: readonly QaqcFinding[], acknowledgements: readonly Acknowledgement[]): Acknowledgement[] {
  const blockers = findings.filter((f) => f.severity === 'blocker');
  if (blockers.length) {
    refuse(ReviewErrorCode.QAQC_BLOCKED, 'inventoryId', `QA/QC found ${blockers.length} blocker${blockers.length > 1 ? 's' : ''}: ${blockers.map((b) => b.message).join(' | ')}`, {
      findings: blockers,
    });
  }
  const comments = new Map(acknowledgements.flatMap((a) => {
    const comment = textOrNull(a.comment, 'acknowledgements');
    return comment ? [[a.findingId, comment] as const] : [];
  }));
  const warnings = findings.filter((f) => f.severity === 'warning');
  const uncommented = warnings.filter((w) => !comments.has(w.findingId));
  if (uncommented.length) {
    refuse(ReviewErrorCode.QAQC_COMMENT_REQUIRED, 'acknowledgements', `Comment on each QA/QC warning: ${uncommented.map((w) => w.findingId).join(', ')}`, {
      findings: uncommented,
    });
  }
  return warnings.map((w) => ({ findingId: w.findingId, comment: comments.get(w.findingId) as string }));
}

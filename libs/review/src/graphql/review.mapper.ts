import type { ReviewView } from '../application/review-queries';
import { whyNotStanding } from '../domain/approval-standing';
import type { QaqcFinding, QaqcSubject } from '../domain/qaqc/qaqc.types';
import type { Approval, ReviewSubject, ReviewThread, SubmissionReceipt } from '../domain/review.types';
import type { OpenedInventory } from '@upops/inventory';
import type { ApprovalType, QaqcFindingType, ReviewSubjectType, ReviewThreadType, ReviewType, SubmissionReceiptType } from './review.types';

export function toSubject(subject: ReviewSubject | QaqcSubject): ReviewSubjectType {
  return {
    kind: subject.kind,
    categoryCode: subject.kind === 'category' ? subject.categoryCode : null,
    lineId: subject.kind === 'line' ? subject.lineId : null,
  };
}

export function toReview(view: ReviewView): ReviewType {
  const { state, inventory } = view;
  return {
    inventoryId: state.inventoryId,
    party: state.party,
    status: state.status,
    revision: state.revision,
    round: state.round,
    version: state.version,
    reviewers: Object.values(state.reviewers)
      .map((r) => ({ ...r, lead: r.accountId === state.leadReviewer }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    threads: Object.values(state.threads).map(toThread),
    approvals: Object.values(state.approvals).map((a) => toApproval(a, inventory)),
    inventoryApproval: state.inventoryApproval ? toApproval(state.inventoryApproval, inventory) : null,
    linesNotApproved: view.linesNotApproved,
    submissions: state.submissions.map(toReceipt),
  };
}

function toThread(thread: ReviewThread): ReviewThreadType {
  return {
    threadId: thread.threadId,
    subject: toSubject(thread.subject),
    author: thread.author,
    status: thread.status,
    comments: thread.comments,
    resolutionProposedBy: thread.proposedResolution?.by ?? null,
    resolutionProposedNote: thread.proposedResolution?.note ?? null,
    resolvedBy: thread.resolution?.by ?? null,
    resolvedAt: thread.resolution?.at ?? null,
    resolutionNote: thread.resolution?.note ?? null,
  };
}

function toApproval(approval: Approval, inventory: OpenedInventory): ApprovalType {
  const why = whyNotStanding(approval, inventory);
  return {
    subject: toSubject(approval.subject),
    approvedBy: approval.approvedBy,
    approvedAt: approval.approvedAt,
    standing: why === null,
    lapsedWhy: why,
    lapsedAt: approval.lapsed?.at ?? null,
  };
}

export function toReceipt(receipt: SubmissionReceipt & { supersededBy?: string | null }): SubmissionReceiptType {
  return { ...receipt, supersededBy: receipt.supersededBy ?? null };
}

export function toFinding(finding: QaqcFinding): QaqcFindingType {
  return { findingId: finding.findingId, rule: finding.rule, severity: finding.severity, subject: toSubject(finding.subject), message: finding.message };
}

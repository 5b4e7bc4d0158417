import { approvalBasis, whyLapsed } from './approval-basis';
import { approvalsNotStanding, linesNotApproved, whyNotStanding } from './approval-standing';
import { accept, forbidden, type ReviewDecision, requirePerson, requireText } from './decision';
import type { Approve, ApproveInventory, RequestChanges, ReviewContext } from './review.commands';
import { isAssignedReviewer, isTeamMember } from './review-access';
import { ReviewErrorCode, refuse } from './review.errors';
import { type ApprovalLapsed, type ChangesRequested, type InventoryApproved, type SubjectApproved, reviewEvent } from './review.events';
import { openThreads, type ReviewState } from './review.state';
import { subjectKey } from './review.types';

export function decideApprove(command: Approve, state: ReviewState, context: ReviewContext): ReviewDecision {
  requireReviewer(state, context);
  requireStatus(state, ['in_review'], 'approve');
  const subject = command.subject;
  if (subject.kind === 'line' && !context.inventory.lines[subject.lineId]) {
    refuse(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.lineId', `The inventory has no line ${subject.lineId}`);
  }
  if (subject.kind === 'category' && !context.categoryExists(subject.categoryCode)) {
    refuse(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.categoryCode', `The edition has no category ${subject.categoryCode}`);
  }
  const blocking = openThreads(state).filter((t) =>
    subject.kind === 'line' ? t.subject.kind === 'line' && t.subject.lineId === subject.lineId : t.categoryCode === subject.categoryCode,
  );
  if (blocking.length) unresolved(blocking.map((t) => t.threadId));
  const existing = state.approvals[subjectKey(subject)];
  if (existing && whyNotStanding(existing, context.inventory) === null) {
    refuse(ReviewErrorCode.ALREADY_APPROVED, 'subject', `${subjectKey(subject)} is approved already, as it stands`);
  }
  return accept(
    reviewEvent<SubjectApproved>('SubjectApproved', {
      inventoryId: state.inventoryId,
      party: state.party,
      subject,
      basis: approvalBasis(context.inventory, subject),
      by: requirePerson(context.actor).accountId,
      at: context.now.toISOString(),
    }),
  );
}

/** The inventory as a whole: no open thread, and every line approved (itself or by its category), as it stands. */
export function decideApproveInventory(_command: ApproveInventory, state: ReviewState, context: ReviewContext): ReviewDecision {
  requireReviewer(state, context);
  requireStatus(state, ['in_review'], 'approve');
  const open = openThreads(state);
  if (open.length) unresolved(open.map((t) => t.threadId));
  // A lapsed approval must be given again (or covered by its category's) before the whole is approved.
  const lapsed = approvalsNotStanding(state, context.inventory, { includeInventory: false });
  if (lapsed.length) {
    refuse(ReviewErrorCode.APPROVAL_LAPSED, 'inventoryId', `Approve again first: ${lapsed.map((l) => `${subjectKey(l.approval.subject)} (${l.why})`).join('; ')}`, {
      lapsed: lapsed.map((l) => ({ subject: l.approval.subject, why: l.why })),
    });
  }
  const missing = linesNotApproved(state, context.inventory);
  if (missing.length) {
    refuse(ReviewErrorCode.NOT_ALL_APPROVED, 'inventoryId', `Approve every line or its category first; not approved as they stand: ${missing.join(', ')}`, { lineIds: missing });
  }
  return accept(
    reviewEvent<InventoryApproved>('InventoryApproved', {
      inventoryId: state.inventoryId,
      party: state.party,
      revision: state.revision,
      basis: approvalBasis(context.inventory, { kind: 'inventory' }),
      by: requirePerson(context.actor).accountId,
      at: context.now.toISOString(),
    }),
  );
}

export function decideRequestChanges(command: RequestChanges, state: ReviewState, context: ReviewContext): ReviewDecision {
  const reviewer = requireReviewer(state, context);
  requireStatus(state, ['in_review', 'approved'], 'request changes to');
  const summary = requireText(command.summary, ReviewErrorCode.TEXT_REQUIRED, 'summary', 'Say what should change');
  return accept(
    reviewEvent<ChangesRequested>('ChangesRequested', {
      inventoryId: state.inventoryId,
      party: state.party,
      revision: state.revision,
      round: state.round,
      requestedBy: reviewer.accountId,
      summary,
      requesterOfReview: state.requestedBy,
    }),
  );
}

/**
 * Every recorded approval whose basis moved lapses, once, with why. Nothing to lapse is no event.
 * A submitted inventory cannot change, and a draft has no approvals, so only reviews in progress lapse.
 */
export function decideLapseApprovals(state: ReviewState, context: ReviewContext): ReviewDecision {
  if (!['in_review', 'changes_requested', 'approved'].includes(state.status)) return accept();
  const all = [...Object.values(state.approvals), ...(state.inventoryApproval ? [state.inventoryApproval] : [])];
  const events = all.flatMap((approval) => {
    if (approval.lapsed) return [];
    const why = whyLapsed(approval.basis, approvalBasis(context.inventory, approval.subject));
    if (!why) return [];
    return [
      reviewEvent<ApprovalLapsed>('ApprovalLapsed', {
        inventoryId: state.inventoryId,
        party: state.party,
        subject: approval.subject,
        approvedBy: approval.approvedBy,
        why,
        at: context.now.toISOString(),
      }),
    ];
  });
  return accept(...events);
}

function requireReviewer(state: ReviewState, context: ReviewContext) {
  const person = requirePerson(context.actor);
  if (!isAssignedReviewer(person, state)) forbidden('Only a reviewer assigned to this inventory does this');
  // Roles change after assignment: someone who joined the drafting team no longer reviews.
  if (isTeamMember(person, state.party)) forbidden('A member of the Party\'s drafting team does not review its inventory');
  return person;
}

export function requireStatus(state: ReviewState, allowed: ReviewState['status'][], doing: string): void {
  if (!allowed.includes(state.status)) {
    refuse(ReviewErrorCode.ILLEGAL_TRANSITION, 'status', `Cannot ${doing} an inventory that is ${state.status.replace('_', ' ')} (allowed when ${allowed.join(' or ').replace(/_/g, ' ')})`, {
      status: state.status,
      allowed,
    });
  }
}

export function unresolved(threadIds: string[]): never {
  refuse(ReviewErrorCode.UNRESOLVED_THREADS, 'threads', `Resolve the open threads first: ${threadIds.join(', ')}`, { threadIds });
}

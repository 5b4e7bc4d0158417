import { approvalsNotStanding } from './approval-standing';
import { accept, forbidden, type ReviewDecision, requirePerson, requireText, textOrNull } from './decision';
import { requireStatus, unresolved } from './decide-approvals';
import { passQaqc } from './qaqc-gate';
import type { AssignReviewer, ReopenSubmission, RequestReview, ReviewContext, ReviewPerson, SetLeadReviewer, SubmitToSecretariat, UnassignReviewer } from './review.commands';
import { isCoordinator, isEligibleReviewer, isTeamMember } from './review-access';
import { ReviewErrorCode, refuse } from './review.errors';
import {
  type LeadReviewerSet,
  type ReviewerAssigned,
  type ReviewerUnassigned,
  type ReviewRequested,
  type SubmissionReopened,
  type SubmittedToSecretariat,
  reviewEvent,
} from './review.events';
import { currentSubmission, openThreads, type ReviewState } from './review.state';

export function decideRequestReview(command: RequestReview, state: ReviewState, context: ReviewContext): ReviewDecision {
  const coordinator = requireCoordinator(state, context);
  requireStatus(state, ['draft', 'changes_requested'], 'ask for review of');
  const added = newReviewers(command.reviewers, state, coordinator.accountId);
  if (Object.keys(state.reviewers).length + added.length === 0) {
    refuse(ReviewErrorCode.REVIEWER_REQUIRED, 'reviewers', 'Assign at least one reviewer');
  }
  const acknowledgements = passQaqc(context.findings, command.acknowledgements);
  return accept(
    reviewEvent<ReviewRequested>('ReviewRequested', {
      inventoryId: state.inventoryId,
      party: state.party,
      revision: state.revision,
      round: state.round + 1,
      requestedBy: coordinator.accountId,
      inventoryVersion: context.inventory.version,
      note: textOrNull(command.note, 'note'),
      findings: context.findings,
      acknowledgements,
    }),
    ...added.map((reviewer) => assigned(state, reviewer, coordinator.accountId)),
  );
}

export function decideAssignReviewer(command: AssignReviewer, state: ReviewState, context: ReviewContext): ReviewDecision {
  const coordinator = requireCoordinator(state, context);
  requireStatus(state, ['draft', 'in_review', 'changes_requested', 'approved'], 'assign reviewers to');
  if (state.reviewers[command.reviewer.accountId]) {
    refuse(ReviewErrorCode.REVIEWER_ALREADY_ASSIGNED, 'accountId', `${command.reviewer.displayName} is assigned already`);
  }
  const [reviewer] = newReviewers([command.reviewer], state, coordinator.accountId);
  return accept(assigned(state, reviewer, coordinator.accountId));
}

export function decideUnassignReviewer(command: UnassignReviewer, state: ReviewState, context: ReviewContext): ReviewDecision {
  const coordinator = requireCoordinator(state, context);
  if (!state.reviewers[command.accountId]) refuse(ReviewErrorCode.REVIEWER_NOT_ASSIGNED, 'accountId', `${command.accountId} is not assigned`);
  if (['in_review', 'approved'].includes(state.status) && Object.keys(state.reviewers).length === 1) {
    refuse(ReviewErrorCode.REVIEWER_REQUIRED, 'accountId', 'An inventory under review keeps at least one reviewer; assign another first');
  }
  return accept(
    reviewEvent<ReviewerUnassigned>('ReviewerUnassigned', { inventoryId: state.inventoryId, party: state.party, accountId: command.accountId, unassignedBy: coordinator.accountId }),
  );
}

/** The lead reviewer lets reviewers' questions through to the Party and confirms closing threads (EEA's review pattern). */
export function decideSetLeadReviewer(command: SetLeadReviewer, state: ReviewState, context: ReviewContext): ReviewDecision {
  const coordinator = requireCoordinator(state, context);
  requireStatus(state, ['draft', 'in_review', 'changes_requested', 'approved'], 'name a lead reviewer of');
  if (command.accountId !== null && !state.reviewers[command.accountId]) {
    refuse(ReviewErrorCode.REVIEWER_NOT_ASSIGNED, 'accountId', `${command.accountId} is not assigned to this review; assign them first`);
  }
  if (command.accountId === state.leadReviewer) return accept();
  return accept(reviewEvent<LeadReviewerSet>('LeadReviewerSet', { inventoryId: state.inventoryId, party: state.party, accountId: command.accountId, setBy: coordinator.accountId }));
}

/**
 * Freezes the approved inventory for the Secretariat. Every approval must still stand (checked
 * against the inventory now, not only the lapses recorded so far), QA/QC must pass, and a
 * submission already made may be superseded only until the deadline.
 */
export function decideSubmitToSecretariat(command: SubmitToSecretariat, state: ReviewState, context: ReviewContext): ReviewDecision {
  const coordinator = requireCoordinator(state, context);
  requireStatus(state, ['approved'], 'submit to the Secretariat');
  // A question raised (or reopened) after the approval still needs its answer before the Party reports.
  const open = openThreads(state);
  if (open.length) unresolved(open.map((t) => t.threadId));
  const lapsed = approvalsNotStanding(state, context.inventory);
  if (lapsed.length) {
    refuse(
      ReviewErrorCode.APPROVAL_LAPSED,
      'inventoryId',
      `Approvals lapsed; a reviewer must approve again: ${lapsed.map((l) => `${l.approval.subject.kind} ${describe(l.approval.subject)} (${l.why})`).join('; ')}`,
      { lapsed: lapsed.map((l) => ({ subject: l.approval.subject, why: l.why })) },
    );
  }
  const acknowledgements = passQaqc(context.findings, command.acknowledgements);
  const submissionId = submissionIdOf(command, state);
  if (state.submissions.some((s) => s.submissionId === submissionId)) {
    refuse(ReviewErrorCode.INVALID_INPUT, 'submissionId', `Submission id ${submissionId} is taken by an earlier submission`);
  }
  const previous = currentSubmission(state);
  if (previous && context.resubmissionDeadline && context.now > context.resubmissionDeadline) {
    refuse(ReviewErrorCode.DEADLINE_PASSED, 'submissionId', `Submission ${previous.submissionId} can no longer be superseded: the deadline was ${context.resubmissionDeadline.toISOString()}`);
  }
  const frozen = context.frozen;
  if (!frozen) throw new Error('a submission needs its frozen snapshot in the context');
  return accept(
    reviewEvent<SubmittedToSecretariat>('SubmittedToSecretariat', {
      inventoryId: state.inventoryId,
      party: state.party,
      receipt: {
        submissionId,
        inventoryId: state.inventoryId,
        party: state.party,
        referenceYear: context.inventory.referenceYear,
        revision: state.revision,
        submittedAt: context.now.toISOString(),
        submittedBy: coordinator.accountId,
        contentHash: frozen.contentHash,
        supersedes: previous?.submissionId ?? null,
      },
      snapshot: frozen.snapshot,
      acknowledgements,
    }),
  );
}

/** Opens a new revision of a submitted inventory; the submission stays in force until another supersedes it. */
export function decideReopenSubmission(command: ReopenSubmission, state: ReviewState, context: ReviewContext): ReviewDecision {
  const coordinator = requireCoordinator(state, context);
  requireStatus(state, ['submitted'], 'reopen');
  const reason = requireText(command.reason, ReviewErrorCode.REASON_REQUIRED, 'reason', 'Say why the submission is reopened');
  const submission = currentSubmission(state);
  // After the deadline a new revision could never supersede the one in force: do not open one.
  if (context.resubmissionDeadline && context.now > context.resubmissionDeadline) {
    refuse(ReviewErrorCode.DEADLINE_PASSED, 'reason', `Submission ${submission?.submissionId ?? ''} stands: resubmissions closed on ${context.resubmissionDeadline.toISOString()}`);
  }
  return accept(
    reviewEvent<SubmissionReopened>('SubmissionReopened', {
      inventoryId: state.inventoryId,
      party: state.party,
      submissionId: submission?.submissionId ?? '',
      revision: state.revision + 1,
      by: coordinator.accountId,
      reason,
    }),
  );
}

const SUBMISSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

/**
 * Receipt ids are global (the Secretariat looks them up alone), so each starts with the inventory's
 * id: one Party's choice can never take or shadow another's. Absent, it is `<inventory>-r<revision>`.
 */
function submissionIdOf(command: SubmitToSecretariat, state: ReviewState): string {
  const submissionId = textOrNull(command.submissionId, 'submissionId') ?? `${state.inventoryId}-r${state.revision}`;
  if (!SUBMISSION_ID.test(submissionId) || !submissionId.startsWith(`${state.inventoryId}-`)) {
    refuse(ReviewErrorCode.INVALID_INPUT, 'submissionId', `A submission id starts with "${state.inventoryId}-" and holds only letters, digits, ".", "_" and "-" (at most 120)`);
  }
  return submissionId;
}

function requireCoordinator(state: ReviewState, context: ReviewContext) {
  const person = requirePerson(context.actor);
  if (!isCoordinator(person, state.party)) forbidden('Only the Party\'s national coordinator does this');
  return person;
}

function newReviewers(candidates: readonly ReviewPerson[], state: ReviewState, coordinatorId: string): ReviewPerson[] {
  const unique = [...new Map(candidates.filter((c) => !state.reviewers[c.accountId]).map((c) => [c.accountId, c])).values()];
  for (const candidate of unique) {
    if (!isEligibleReviewer(candidate) || candidate.accountId === coordinatorId) {
      refuse(ReviewErrorCode.REVIEWER_NOT_ELIGIBLE, 'reviewers', `${candidate.displayName || candidate.accountId} holds no reviewer role (reviewer, Toolkit expert or Secretariat officer)`, {
        accountId: candidate.accountId,
      });
    }
    // Review is a second pair of eyes: whoever drafts the inventory cannot approve it.
    if (isTeamMember(candidate, state.party)) {
      refuse(ReviewErrorCode.REVIEWER_NOT_ELIGIBLE, 'reviewers', `${candidate.displayName || candidate.accountId} drafts this inventory and cannot review it`, {
        accountId: candidate.accountId,
      });
    }
  }
  return unique;
}

function assigned(state: ReviewState, reviewer: ReviewPerson, by: string): ReviewerAssigned {
  return reviewEvent<ReviewerAssigned>('ReviewerAssigned', {
    inventoryId: state.inventoryId,
    party: state.party,
    reviewer: { accountId: reviewer.accountId, organisation: reviewer.organisation, displayName: reviewer.displayName },
    assignedBy: by,
  });
}

function describe(subject: { kind: string; lineId?: string; categoryCode?: string }): string {
  return subject.lineId ?? subject.categoryCode ?? '';
}

import type { ReviewEvent } from './review.events';
import { type Approval, type ReviewerRef, type ReviewStatus, type ReviewThread, type SubmissionReceipt, subjectKey } from './review.types';

/** The review of one inventory, as a decision (or a reader) sees it. */
export interface ReviewState {
  inventoryId: string;
  party: string;
  status: ReviewStatus;
  /** 1 for the first submission cycle; +1 each time a submission is reopened. */
  revision: number;
  /** Review rounds within the revision: +1 per request for review. */
  round: number;
  /** Who asked for the current review (told when changes are requested). */
  requestedBy: string | null;
  reviewers: Record<string, ReviewerRef>;
  /** Reviewers unassigned since (and not assigned again): they no longer read the review. */
  formerReviewers: string[];
  /** The assigned reviewer who lets reviewers' questions through and confirms closing threads; none: nobody holds them. */
  leadReviewer: string | null;
  threads: Record<string, ReviewThread>;
  /** Line and category approvals of the current revision, by subject key. */
  approvals: Record<string, Approval>;
  inventoryApproval: Approval | null;
  /** Every submission to the Secretariat, oldest first; superseded ones stay. */
  submissions: (SubmissionReceipt & { supersededBy: string | null })[];
  /** Stream version: the number of events applied. */
  version: number;
}

export function initialReview(inventoryId: string, party: string): ReviewState {
  return {
    inventoryId,
    party,
    status: 'draft',
    revision: 1,
    round: 0,
    requestedBy: null,
    reviewers: {},
    formerReviewers: [],
    leadReviewer: null,
    threads: {},
    approvals: {},
    inventoryApproval: null,
    submissions: [],
    version: 0,
  };
}

/** Applies one event. Pure. */
export function evolve(state: ReviewState, event: ReviewEvent): ReviewState {
  return { ...apply(state, event), version: state.version + 1 };
}

function apply(state: ReviewState, event: ReviewEvent): ReviewState {
  switch (event.type) {
    case 'ReviewRequested':
      return { ...state, status: 'in_review', revision: event.data.revision, round: event.data.round, requestedBy: event.data.requestedBy };
    case 'ReviewerAssigned':
      return {
        ...state,
        reviewers: { ...state.reviewers, [event.data.reviewer.accountId]: event.data.reviewer },
        formerReviewers: state.formerReviewers.filter((id) => id !== event.data.reviewer.accountId),
      };
    case 'ReviewerUnassigned':
      return {
        ...state,
        reviewers: without(state.reviewers, event.data.accountId),
        formerReviewers: [...state.formerReviewers, event.data.accountId],
        leadReviewer: state.leadReviewer === event.data.accountId ? null : state.leadReviewer,
      };
    case 'LeadReviewerSet':
      return { ...state, leadReviewer: event.data.accountId };
    case 'ChangesRequested':
      // Sent back: an approval of the whole no longer stands (line and category approvals still lapse on their own).
      return { ...state, status: 'changes_requested', inventoryApproval: null };
    case 'ThreadOpened': {
      const { threadId, subject, categoryCode, commentId, author, text, mentions, at } = event.data;
      const status = event.data.awaitingLead ? 'awaiting_lead' : 'open';
      const thread: ReviewThread = {
        threadId,
        subject,
        categoryCode,
        author,
        status,
        held: Boolean(event.data.awaitingLead),
        comments: [{ commentId, author, text, mentions, at }],
        proposedResolution: null,
        resolution: null,
      };
      return { ...state, threads: { ...state.threads, [threadId]: thread } };
    }
    case 'ThreadReleased':
      return withThread(state, event.data.threadId, (t) => ({ ...t, status: 'open', held: false }));
    case 'ThreadResolutionProposed':
      return withThread(state, event.data.threadId, (t) => ({ ...t, proposedResolution: { by: event.data.by, at: event.data.at, note: event.data.note } }));
    case 'ThreadReplied':
      return withThread(state, event.data.threadId, (t) => ({
        ...t,
        comments: [...t.comments, { commentId: event.data.commentId, author: event.data.author, text: event.data.text, mentions: event.data.mentions, at: event.data.at }],
      }));
    case 'ThreadResolved':
      return withThread(state, event.data.threadId, (t) => ({ ...t, status: 'resolved', proposedResolution: null, resolution: { by: event.data.by, at: event.data.at, note: event.data.note } }));
    case 'ThreadReopened':
      // A question dropped while held goes back to waiting for the lead, never straight to the Party.
      return withThread(state, event.data.threadId, (t) => ({ ...t, status: t.held ? 'awaiting_lead' : 'open', proposedResolution: null, resolution: null }));
    case 'SubjectApproved': {
      const approval: Approval = { subject: event.data.subject, basis: event.data.basis, approvedBy: event.data.by, approvedAt: event.data.at, lapsed: null };
      return { ...state, approvals: { ...state.approvals, [subjectKey(event.data.subject)]: approval } };
    }
    case 'InventoryApproved':
      return {
        ...state,
        status: 'approved',
        inventoryApproval: { subject: { kind: 'inventory' }, basis: event.data.basis, approvedBy: event.data.by, approvedAt: event.data.at, lapsed: null },
      };
    case 'ApprovalLapsed': {
      const lapsed = { why: event.data.why, at: event.data.at };
      if (event.data.subject.kind === 'inventory') {
        if (!state.inventoryApproval) return state;
        // The inventory is back under review until a reviewer approves it again.
        return { ...state, status: state.status === 'approved' ? 'in_review' : state.status, inventoryApproval: { ...state.inventoryApproval, lapsed } };
      }
      const key = subjectKey(event.data.subject);
      const approval = state.approvals[key];
      if (!approval) return state;
      return { ...state, approvals: { ...state.approvals, [key]: { ...approval, lapsed } } };
    }
    case 'SubmittedToSecretariat': {
      const receipt = event.data.receipt;
      const submissions = state.submissions.map((s) => (s.submissionId === receipt.supersedes ? { ...s, supersededBy: receipt.submissionId } : s));
      return { ...state, status: 'submitted', submissions: [...submissions, { ...receipt, supersededBy: null }] };
    }
    case 'SubmissionReopened':
      // A new revision is reviewed afresh: approvals belonged to the revision that was submitted.
      return { ...state, status: 'draft', revision: event.data.revision, round: 0, requestedBy: null, approvals: {}, inventoryApproval: null };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function withThread(state: ReviewState, threadId: string, change: (thread: ReviewThread) => ReviewThread): ReviewState {
  const thread = state.threads[threadId];
  if (!thread) return state;
  return { ...state, threads: { ...state.threads, [threadId]: change(thread) } };
}

export function replayReview(inventoryId: string, party: string, events: readonly ReviewEvent[]): ReviewState {
  return events.reduce(evolve, initialReview(inventoryId, party));
}

/** The submission in force: the latest, never superseded. */
export function currentSubmission(state: ReviewState): ReviewState['submissions'][number] | undefined {
  return state.submissions.filter((s) => s.supersededBy === null).at(-1);
}

/** Threads not yet resolved, held questions included: they block approval. */
export function openThreads(state: ReviewState): ReviewThread[] {
  return Object.values(state.threads).filter((t) => t.status !== 'resolved');
}

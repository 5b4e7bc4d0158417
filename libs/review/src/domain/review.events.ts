import type { QaqcFinding } from './qaqc/qaqc.types';
import type { Acknowledgement, ApprovalBasis, ReviewerRef, ReviewSubject, SubmissionReceipt } from './review.types';
import type { SubmissionSnapshot } from './submission-snapshot';

/**
 * The review's events: one stream per inventory (`review-<inventoryId>`), past tense, plain data,
 * in the event store's `NewEvent` shape. Every event carries the inventory id and its Party so a
 * projection updates its rows without reading the stream.
 */
interface ReviewEventOf<Type extends string, Data> {
  type: Type;
  data: Data & { inventoryId: string; party: string };
  schemaVersion: 1;
}

/** The coordinator asked for review (again, after changes): the QA/QC findings and the comments on warnings. */
export type ReviewRequested = ReviewEventOf<
  'ReviewRequested',
  { revision: number; round: number; requestedBy: string; inventoryVersion: number; note: string | null; findings: QaqcFinding[]; acknowledgements: Acknowledgement[] }
>;
export type ReviewerAssigned = ReviewEventOf<'ReviewerAssigned', { reviewer: ReviewerRef; assignedBy: string }>;
export type ReviewerUnassigned = ReviewEventOf<'ReviewerUnassigned', { accountId: string; unassignedBy: string }>;
export type ChangesRequested = ReviewEventOf<'ChangesRequested', { revision: number; round: number; requestedBy: string; summary: string; requesterOfReview: string | null }>;

/** The coordinator named (or, with null, cleared) the lead reviewer, who lets questions through and confirms closing. */
export type LeadReviewerSet = ReviewEventOf<'LeadReviewerSet', { accountId: string | null; setBy: string }>;

/** `awaitingLead`: a reviewer's question held for the lead reviewer (absent in events before leads existed). */
export type ThreadOpened = ReviewEventOf<
  'ThreadOpened',
  { threadId: string; subject: ReviewSubject; categoryCode: string | null; commentId: string; author: string; text: string; mentions: string[]; at: string; awaitingLead?: boolean }
>;
/** The lead let a reviewer's question through to the Party; `notify`: who on the Party's side hears of it. */
export type ThreadReleased = ReviewEventOf<'ThreadReleased', { threadId: string; by: string; at: string; notify: string[] }>;
/** Someone other than the lead asked to close the thread; it stays open until the lead confirms. */
export type ThreadResolutionProposed = ReviewEventOf<'ThreadResolutionProposed', { threadId: string; by: string; note: string | null; at: string; lead: string }>;
export type ThreadReplied = ReviewEventOf<
  'ThreadReplied',
  { threadId: string; commentId: string; author: string; text: string; mentions: string[]; at: string; participants: string[] }
>;
export type ThreadResolved = ReviewEventOf<'ThreadResolved', { threadId: string; by: string; note: string | null; at: string }>;
export type ThreadReopened = ReviewEventOf<'ThreadReopened', { threadId: string; by: string; reason: string; at: string }>;

/** A reviewer approved a line or a category as it stands (`basis`). */
export type SubjectApproved = ReviewEventOf<'SubjectApproved', { subject: ReviewSubject; basis: ApprovalBasis; by: string; at: string }>;
/** A reviewer approved the inventory as a whole; it may now go to the Secretariat. */
export type InventoryApproved = ReviewEventOf<'InventoryApproved', { revision: number; basis: ApprovalBasis; by: string; at: string }>;
/** What was approved changed (a line, a factor it uses, the edition): the approval no longer counts. */
export type ApprovalLapsed = ReviewEventOf<'ApprovalLapsed', { subject: ReviewSubject; approvedBy: string; why: string; at: string }>;

/** The frozen release to the Secretariat: the snapshot, its hash and the receipt. */
export type SubmittedToSecretariat = ReviewEventOf<
  'SubmittedToSecretariat',
  { receipt: SubmissionReceipt; snapshot: SubmissionSnapshot; acknowledgements: Acknowledgement[] }
>;
/** The Party reopened its submitted inventory: a new revision begins; the submission stays readable. */
export type SubmissionReopened = ReviewEventOf<'SubmissionReopened', { submissionId: string; revision: number; by: string; reason: string }>;

export type ReviewEvent =
  | ReviewRequested
  | ReviewerAssigned
  | ReviewerUnassigned
  | ChangesRequested
  | LeadReviewerSet
  | ThreadOpened
  | ThreadReleased
  | ThreadResolutionProposed
  | ThreadReplied
  | ThreadResolved
  | ThreadReopened
  | SubjectApproved
  | InventoryApproved
  | ApprovalLapsed
  | SubmittedToSecretariat
  | SubmissionReopened;

export type ReviewEventType = ReviewEvent['type'];

export const REVIEW_STREAM_TYPE = 'review';

export function reviewStreamId(inventoryId: string): string {
  return `review-${inventoryId}`;
}

export function reviewEvent<E extends ReviewEvent>(type: E['type'], data: E['data']): E {
  return { type, data, schemaVersion: 1 } as E;
}

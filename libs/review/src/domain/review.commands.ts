import type { OpenedInventory } from '@upops/inventory';
import type { QaqcFinding } from './qaqc/qaqc.types';
import type { SubmissionSnapshot } from './submission-snapshot';
import type { Acknowledgement, ReviewSubject } from './review.types';

/** A person as review needs to know them: the handler looks them up before deciding. */
export interface ReviewPerson {
  accountId: string;
  organisation: string;
  displayName: string;
  roles: readonly string[];
}

/** The coordinator asks for review (first time, or again after changes), naming reviewers to add. */
export interface RequestReview {
  type: 'RequestReview';
  reviewers: ReviewPerson[];
  acknowledgements: Acknowledgement[];
  note?: string | null;
}
export interface AssignReviewer {
  type: 'AssignReviewer';
  reviewer: ReviewPerson;
}
export interface UnassignReviewer {
  type: 'UnassignReviewer';
  accountId: string;
}
export interface RequestChanges {
  type: 'RequestChanges';
  summary: string;
}
export interface OpenThread {
  type: 'OpenThread';
  threadId: string;
  commentId: string;
  subject: ReviewSubject;
  text: string;
  mentions: ReviewPerson[];
}
export interface ReplyToThread {
  type: 'ReplyToThread';
  threadId: string;
  commentId: string;
  text: string;
  mentions: ReviewPerson[];
}
/** Names the lead reviewer (an assigned reviewer), or clears the role with null. */
export interface SetLeadReviewer {
  type: 'SetLeadReviewer';
  accountId: string | null;
}
/** The lead lets a reviewer's held question through to the Party. */
export interface ReleaseThread {
  type: 'ReleaseThread';
  threadId: string;
}
export interface ResolveThread {
  type: 'ResolveThread';
  threadId: string;
  note?: string | null;
}
export interface ReopenThread {
  type: 'ReopenThread';
  threadId: string;
  reason: string;
}
/** Approves a line or a category as it stands now. */
export interface Approve {
  type: 'Approve';
  subject: Exclude<ReviewSubject, { kind: 'inventory' }>;
}
export interface ApproveInventory {
  type: 'ApproveInventory';
}
/** Run by the workflow after inventory edits: every approval whose basis changed lapses, with why. */
export interface LapseApprovals {
  type: 'LapseApprovals';
}
export interface SubmitToSecretariat {
  type: 'SubmitToSecretariat';
  /** The receipt id; absent, `<inventory>-r<revision>`. */
  submissionId: string | null;
  acknowledgements: Acknowledgement[];
}
export interface ReopenSubmission {
  type: 'ReopenSubmission';
  reason: string;
}

export type ReviewCommand =
  | RequestReview
  | AssignReviewer
  | UnassignReviewer
  | RequestChanges
  | SetLeadReviewer
  | ReleaseThread
  | OpenThread
  | ReplyToThread
  | ResolveThread
  | ReopenThread
  | Approve
  | ApproveInventory
  | LapseApprovals
  | SubmitToSecretariat
  | ReopenSubmission;

/** Who acts: a person, or the workflow itself (`system`) for lapses. */
export type ReviewActor = { kind: 'person'; accountId: string; organisation: string; roles: readonly string[] } | { kind: 'system'; name: string };

/** What a decision may know besides the review's own state; the handler gathers it first. */
export interface ReviewContext {
  now: Date;
  actor: ReviewActor;
  /** The inventory as it stands now. */
  inventory: OpenedInventory;
  categoryExists(categoryCode: string): boolean;
  /** QA/QC findings on the inventory now (for requests for review and submissions). */
  findings: QaqcFinding[];
  /** For a submission: the frozen snapshot and its content hash. */
  frozen?: { snapshot: SubmissionSnapshot; contentHash: string };
  /** After this moment a submission may no longer be superseded (null: no deadline). */
  resubmissionDeadline: Date | null;
}

/**
 * Where an inventory stands in review. draft -> in_review -> changes_requested -> in_review ->
 * approved -> submitted (to the Secretariat); reopening a submission starts a new revision as draft.
 */
export type ReviewStatus = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'submitted';

/** A person assigned to review: from the Party, another Party, or the Secretariat. */
export interface ReviewerRef {
  accountId: string;
  organisation: string;
  displayName: string;
}

/** What a thread or an approval is about. */
export type ReviewSubject =
  | { kind: 'inventory' }
  | { kind: 'category'; categoryCode: string }
  | { kind: 'line'; lineId: string };

export function subjectKey(subject: ReviewSubject): string {
  switch (subject.kind) {
    case 'inventory':
      return 'inventory';
    case 'category':
      return `category:${subject.categoryCode}`;
    case 'line':
      return `line:${subject.lineId}`;
    default: {
      const unknown: never = subject;
      return String(unknown);
    }
  }
}

export interface ThreadComment {
  commentId: string;
  author: string;
  text: string;
  mentions: string[];
  at: string;
}

export interface ReviewThread {
  threadId: string;
  subject: ReviewSubject;
  /** The category a line or category thread belongs to (to find a category's open threads). */
  categoryCode: string | null;
  author: string;
  /**
   * awaiting_lead: a reviewer's question the lead reviewer has not yet let through to the Party
   * (reviewers only see it); open; resolved (by the lead, or by anyone when there is no lead).
   */
  status: 'awaiting_lead' | 'open' | 'resolved';
  /**
   * A reviewer's question never let through to the Party (held, or dropped or withdrawn while
   * held): only reviewers and Secretariat officers see it. Absent in states stored before leads.
   */
  held?: boolean;
  comments: ThreadComment[];
  /** Someone other than the lead asked to close the thread; the lead confirms (or not). */
  proposedResolution: { by: string; at: string; note: string | null } | null;
  resolution: { by: string; at: string; note: string | null } | null;
}

/**
 * What an approval was given on: enough to tell later whether it still stands and, if not, why.
 * Lines: their revision (it moves with every field and line-factor change), the class-wide
 * factors in force, the edition. Categories and the inventory: the same for all their lines,
 * plus the not-occurring statements.
 */
export interface ApprovalBasis {
  editionId: string;
  /** Line id -> revision, for the lines the subject covers. */
  lines: Record<string, number>;
  /** Ids of the country-specific factors in force for those lines (line- and class-wide), sorted. */
  overrideIds: string[];
  /**
   * What each of those factors says (scope, substance, vector, value, unit), by id: an id withdrawn
   * and put in force again with another value must not pass for the same factor. Absent in
   * approvals given before it was recorded.
   */
  overrideFactors?: Record<string, string>;
  /** Categories stated not occurring (category and inventory subjects), sorted. */
  notOccurring: string[];
}

export interface Approval {
  subject: ReviewSubject;
  basis: ApprovalBasis;
  approvedBy: string;
  approvedAt: string;
  /** Set when what was approved changed: the approval no longer counts. */
  lapsed: { why: string; at: string } | null;
}

/** A comment given on a QA/QC warning so a submission may pass it. */
export interface Acknowledgement {
  findingId: string;
  comment: string;
}

export interface SubmissionReceipt {
  submissionId: string;
  inventoryId: string;
  party: string;
  referenceYear: number;
  revision: number;
  submittedAt: string;
  submittedBy: string;
  /** sha256 of the snapshot's canonical JSON, hex. */
  contentHash: string;
  /** The submission this one replaces, if any (it stays in history). */
  supersedes: string | null;
}

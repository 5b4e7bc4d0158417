/** Why review refused a command. Mapped once, exhaustively, to API errors. */
export enum ReviewErrorCode {
  INVENTORY_NOT_FOUND = 'INVENTORY_NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  INVALID_INPUT = 'INVALID_INPUT',
  /** The command does not fit the review's state (e.g. approving a draft). */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  REVIEWER_REQUIRED = 'REVIEWER_REQUIRED',
  REVIEWER_NOT_ELIGIBLE = 'REVIEWER_NOT_ELIGIBLE',
  REVIEWER_ALREADY_ASSIGNED = 'REVIEWER_ALREADY_ASSIGNED',
  REVIEWER_NOT_ASSIGNED = 'REVIEWER_NOT_ASSIGNED',
  SUBJECT_NOT_FOUND = 'SUBJECT_NOT_FOUND',
  THREAD_NOT_FOUND = 'THREAD_NOT_FOUND',
  THREAD_EXISTS = 'THREAD_EXISTS',
  THREAD_ALREADY_RESOLVED = 'THREAD_ALREADY_RESOLVED',
  THREAD_NOT_RESOLVED = 'THREAD_NOT_RESOLVED',
  /** Only a question held for the lead reviewer can be let through. */
  THREAD_NOT_AWAITING_LEAD = 'THREAD_NOT_AWAITING_LEAD',
  MENTION_NOT_PARTICIPANT = 'MENTION_NOT_PARTICIPANT',
  UNRESOLVED_THREADS = 'UNRESOLVED_THREADS',
  ALREADY_APPROVED = 'ALREADY_APPROVED',
  NOT_ALL_APPROVED = 'NOT_ALL_APPROVED',
  APPROVAL_LAPSED = 'APPROVAL_LAPSED',
  QAQC_BLOCKED = 'QAQC_BLOCKED',
  QAQC_COMMENT_REQUIRED = 'QAQC_COMMENT_REQUIRED',
  TEXT_REQUIRED = 'TEXT_REQUIRED',
  REASON_REQUIRED = 'REASON_REQUIRED',
  SUBMISSION_NOT_FOUND = 'SUBMISSION_NOT_FOUND',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  /** Others kept writing the same inventory; retry. */
  BUSY = 'BUSY',
}

/** A refusal: its code, the input field at fault, a reason for people, and what it lists (findings, threads ...). */
export class ReviewError extends Error {
  constructor(
    readonly code: ReviewErrorCode,
    readonly field: string,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

/** Thrown by guards inside a decision, caught once by `decide`: keeps each rule a one-liner. */
export class ReviewRefusal extends Error {
  constructor(readonly error: ReviewError) {
    super(error.message);
  }
}

export function refuse(code: ReviewErrorCode, field: string, message: string, details: Record<string, unknown> | null = null): never {
  throw new ReviewRefusal(new ReviewError(code, field, message, details));
}

import { GraphQLError } from 'graphql';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';

/** The client-facing code of each refusal; a new code without a line here fails to compile. */
function clientCode(code: ReviewErrorCode): string {
  switch (code) {
    case ReviewErrorCode.FORBIDDEN:
      return 'FORBIDDEN';
    case ReviewErrorCode.INVALID_INPUT:
      return 'BAD_USER_INPUT';
    case ReviewErrorCode.BUSY:
      return 'BUSY';
    case ReviewErrorCode.INVENTORY_NOT_FOUND:
    case ReviewErrorCode.ILLEGAL_TRANSITION:
    case ReviewErrorCode.REVIEWER_REQUIRED:
    case ReviewErrorCode.REVIEWER_NOT_ELIGIBLE:
    case ReviewErrorCode.REVIEWER_ALREADY_ASSIGNED:
    case ReviewErrorCode.REVIEWER_NOT_ASSIGNED:
    case ReviewErrorCode.SUBJECT_NOT_FOUND:
    case ReviewErrorCode.THREAD_NOT_FOUND:
    case ReviewErrorCode.THREAD_EXISTS:
    case ReviewErrorCode.THREAD_ALREADY_RESOLVED:
    case ReviewErrorCode.THREAD_NOT_RESOLVED:
    case ReviewErrorCode.THREAD_NOT_AWAITING_LEAD:
    case ReviewErrorCode.MENTION_NOT_PARTICIPANT:
    case ReviewErrorCode.UNRESOLVED_THREADS:
    case ReviewErrorCode.ALREADY_APPROVED:
    case ReviewErrorCode.NOT_ALL_APPROVED:
    case ReviewErrorCode.APPROVAL_LAPSED:
    case ReviewErrorCode.QAQC_BLOCKED:
    case ReviewErrorCode.QAQC_COMMENT_REQUIRED:
    case ReviewErrorCode.TEXT_REQUIRED:
    case ReviewErrorCode.REASON_REQUIRED:
    case ReviewErrorCode.SUBMISSION_NOT_FOUND:
    case ReviewErrorCode.DEADLINE_PASSED:
      return code;
    default: {
      const unmapped: never = code;
      throw new Error(`review error code without a mapping: ${String(unmapped)}`);
    }
  }
}

/** A refusal as a GraphQL error: code, field, the reason, and what it lists (findings, threads, lapsed approvals). */
export function reviewErrorToGraphql(error: unknown): GraphQLError | undefined {
  if (!(error instanceof ReviewError)) return undefined;
  const extensions: Record<string, unknown> = { code: clientCode(error.code), field: error.field, reason: error.code, ...(error.details ?? {}) };
  if (error.code === ReviewErrorCode.BUSY) extensions.retryable = true;
  return new GraphQLError(error.message, { extensions });
}

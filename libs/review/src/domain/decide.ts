import { decideApprove, decideApproveInventory, decideLapseApprovals, decideRequestChanges } from './decide-approvals';
import { decideOpenThread, decideReleaseThread, decideReopenThread, decideReplyToThread, decideResolveThread } from './decide-threads';
import {
  decideAssignReviewer,
  decideReopenSubmission,
  decideRequestReview,
  decideSetLeadReviewer,
  decideSubmitToSecretariat,
  decideUnassignReviewer,
} from './decide-workflow';
import type { ReviewDecision } from './decision';
import type { ReviewCommand, ReviewContext } from './review.commands';
import { ReviewErrorCode, ReviewRefusal, refuse } from './review.errors';
import type { ReviewState } from './review.state';

/**
 * The review's decider: (command, state, context) -> events or a typed refusal; a refusal appends
 * nothing. Pure: time, the actor, the inventory as it stands and the QA/QC findings come in the context.
 */
export function decide(command: ReviewCommand, state: ReviewState, context: ReviewContext): ReviewDecision {
  try {
    return decideCommand(command, state, context);
  } catch (error) {
    if (error instanceof ReviewRefusal) return { ok: false, error: error.error };
    throw error;
  }
}

function decideCommand(command: ReviewCommand, state: ReviewState, context: ReviewContext): ReviewDecision {
  switch (command.type) {
    case 'RequestReview':
      return decideRequestReview(command, state, context);
    case 'AssignReviewer':
      return decideAssignReviewer(command, state, context);
    case 'UnassignReviewer':
      return decideUnassignReviewer(command, state, context);
    case 'RequestChanges':
      return decideRequestChanges(command, state, context);
    case 'SetLeadReviewer':
      return decideSetLeadReviewer(command, state, context);
    case 'ReleaseThread':
      return decideReleaseThread(command, state, context);
    case 'OpenThread':
      return decideOpenThread(command, state, context);
    case 'ReplyToThread':
      return decideReplyToThread(command, state, context);
    case 'ResolveThread':
      return decideResolveThread(command, state, context);
    case 'ReopenThread':
      return decideReopenThread(command, state, context);
    case 'Approve':
      return decideApprove(command, state, context);
    case 'ApproveInventory':
      return decideApproveInventory(command, state, context);
    case 'LapseApprovals':
      return decideLapseApprovals(state, context);
    case 'SubmitToSecretariat':
      return decideSubmitToSecretariat(command, state, context);
    case 'ReopenSubmission':
      return decideReopenSubmission(command, state, context);
    default: {
      // A new command that is not handled above fails to compile here.
      const unhandled: never = command;
      return refuse(ReviewErrorCode.INVALID_INPUT, 'type', `unknown command ${JSON.stringify(unhandled)}`);
    }
  }
}

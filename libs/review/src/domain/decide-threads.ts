import type { OpenThread, ReopenThread, ReplyToThread, ResolveThread, ReviewContext, ReviewPerson } from './review.commands';
import { canDiscuss, canReadReview, isAssignedReviewer } from './review-access';
import { ReviewErrorCode, refuse } from './review.errors';
import { type ThreadOpened, type ThreadReopened, type ThreadReplied, type ThreadResolved, reviewEvent } from './review.events';
import type { ReviewState } from './review.state';
import { accept, forbidden, type ReviewDecision, requirePerson, requireText, textOrNull } from './decision';
import type { ReviewThread } from './review.types';

export function decideOpenThread(command: OpenThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  if (!canDiscuss(person, state)) forbidden('Only the Party\'s drafters, its coordinator and the assigned reviewers write in review threads');
  const threadId = requireText(command.threadId, ReviewErrorCode.INVALID_INPUT, 'threadId', 'Give the thread an id');
  if (state.threads[threadId]) refuse(ReviewErrorCode.THREAD_EXISTS, 'threadId', `Thread ${threadId} exists already`);
  const text = requireText(command.text, ReviewErrorCode.TEXT_REQUIRED, 'text', 'Write the comment');
  let categoryCode: string | null = null;
  const subject = command.subject;
  if (subject.kind === 'line') {
    const line = context.inventory.lines[subject.lineId];
    if (!line) refuse(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.lineId', `The inventory has no line ${subject.lineId}`);
    categoryCode = line.categoryCode;
  } else if (subject.kind === 'category') {
    if (!context.categoryExists(subject.categoryCode)) refuse(ReviewErrorCode.SUBJECT_NOT_FOUND, 'subject.categoryCode', `The edition has no category ${subject.categoryCode}`);
    categoryCode = subject.categoryCode;
  }
  const mentions = mentionIds(command.mentions, state);
  return accept(
    reviewEvent<ThreadOpened>('ThreadOpened', {
      inventoryId: state.inventoryId,
      party: state.party,
      threadId,
      subject,
      categoryCode,
      commentId: requireText(command.commentId, ReviewErrorCode.INVALID_INPUT, 'commentId', 'Give the comment an id'),
      author: person.accountId,
      text,
      mentions,
      at: context.now.toISOString(),
    }),
  );
}

export function decideReplyToThread(command: ReplyToThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  if (!canDiscuss(person, state)) forbidden('Only the Party\'s drafters, its coordinator and the assigned reviewers write in review threads');
  const thread = requireThread(state, command.threadId);
  const text = requireText(command.text, ReviewErrorCode.TEXT_REQUIRED, 'text', 'Write the reply');
  const commentId = requireText(command.commentId, ReviewErrorCode.INVALID_INPUT, 'commentId', 'Give the comment an id');
  if (thread.comments.some((c) => c.commentId === commentId)) refuse(ReviewErrorCode.INVALID_INPUT, 'commentId', `Comment ${commentId} exists already`);
  // Earlier authors hear of the reply only while they may still read the review (not an unassigned reviewer).
  const participants = [...new Set(thread.comments.map((c) => c.author))].filter((id) => id !== person.accountId && !state.formerReviewers.includes(id)).sort();
  return accept(
    reviewEvent<ThreadReplied>('ThreadReplied', {
      inventoryId: state.inventoryId,
      party: state.party,
      threadId: thread.threadId,
      commentId,
      author: person.accountId,
      text,
      mentions: mentionIds(command.mentions, state),
      at: context.now.toISOString(),
      participants,
    }),
  );
}

/** The thread's author or an assigned reviewer closes it (a reviewer confirms the answer satisfies them). */
export function decideResolveThread(command: ResolveThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  if (!canDiscuss(person, state)) forbidden('Only the Party\'s drafters, its coordinator and the assigned reviewers resolve review threads');
  const thread = requireThread(state, command.threadId);
  if (thread.author !== person.accountId && !isAssignedReviewer(person, state)) forbidden('Only the thread\'s author or an assigned reviewer resolves it');
  if (thread.status === 'resolved') refuse(ReviewErrorCode.THREAD_ALREADY_RESOLVED, 'threadId', `Thread ${thread.threadId} is resolved already`);
  return accept(
    reviewEvent<ThreadResolved>('ThreadResolved', {
      inventoryId: state.inventoryId,
      party: state.party,
      threadId: thread.threadId,
      by: person.accountId,
      note: textOrNull(command.note, 'note'),
      at: context.now.toISOString(),
    }),
  );
}

export function decideReopenThread(command: ReopenThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  if (!canDiscuss(person, state)) forbidden('Only the Party\'s drafters, its coordinator and the assigned reviewers reopen threads');
  const thread = requireThread(state, command.threadId);
  if (thread.status === 'open') refuse(ReviewErrorCode.THREAD_NOT_RESOLVED, 'threadId', `Thread ${thread.threadId} is open`);
  const reason = requireText(command.reason, ReviewErrorCode.REASON_REQUIRED, 'reason', 'Say why the thread is reopened');
  return accept(
    reviewEvent<ThreadReopened>('ThreadReopened', {
      inventoryId: state.inventoryId,
      party: state.party,
      threadId: thread.threadId,
      by: person.accountId,
      reason,
      at: context.now.toISOString(),
    }),
  );
}

function requireThread(state: ReviewState, threadId: string): ReviewThread {
  const thread = state.threads[threadId];
  if (!thread) refuse(ReviewErrorCode.THREAD_NOT_FOUND, 'threadId', `There is no thread ${threadId}`);
  return thread;
}

/** A mention notifies someone, so it must name a person who can read the review. */
function mentionIds(mentions: readonly ReviewPerson[], state: ReviewState): string[] {
  const outsiders = mentions.filter((m) => !canReadReview(m, state));
  if (outsiders.length) {
    refuse(ReviewErrorCode.MENTION_NOT_PARTICIPANT, 'mentions', `${outsiders.map((m) => m.displayName || m.accountId).join(', ')} cannot read this review`, {
      accountIds: outsiders.map((m) => m.accountId),
    });
  }
  return [...new Set(mentions.map((m) => m.accountId))].sort();
}

import type { OpenThread, ReleaseThread, ReopenThread, ReplyToThread, ResolveThread, ReviewContext, ReviewPerson } from './review.commands';
import { canDiscuss, canReadReview, isActiveReviewer, isAssignedReviewer, isLeadReviewer, seesHeldQuestions } from './review-access';
import { ReviewErrorCode, refuse } from './review.errors';
import {
  type ThreadOpened,
  type ThreadReleased,
  type ThreadReopened,
  type ThreadReplied,
  type ThreadResolutionProposed,
  type ThreadResolved,
  reviewEvent,
} from './review.events';
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
  // EEA's review pattern: a reviewer's question reaches the Party once the lead reviewer lets it through.
  const awaitingLead = state.leadReviewer !== null && isActiveReviewer(person, state) && !isLeadReviewer(person, state);
  const mentions = mentionIds(command.mentions, state, awaitingLead);
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
      ...(awaitingLead ? { awaitingLead } : {}),
    }),
  );
}

export function decideReplyToThread(command: ReplyToThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  if (!canDiscuss(person, state)) forbidden('Only the Party\'s drafters, its coordinator and the assigned reviewers write in review threads');
  const thread = requireThread(state, command.threadId, person);
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
      mentions: mentionIds(command.mentions, state, thread.status === 'awaiting_lead'),
      at: context.now.toISOString(),
      participants,
    }),
  );
}

/**
 * The thread's author or an assigned reviewer closes it (a reviewer confirms the answer satisfies
 * them). With a lead reviewer, closing is the lead's: anyone else proposes, and the thread stays
 * open until the lead confirms. A held question is dropped by the lead or withdrawn by its author.
 */
export function decideResolveThread(command: ResolveThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  if (!canDiscuss(person, state)) forbidden('Only the Party\'s drafters, its coordinator and the assigned reviewers resolve review threads');
  const thread = requireThread(state, command.threadId, person);
  if (thread.author !== person.accountId && !isAssignedReviewer(person, state)) forbidden('Only the thread\'s author or an assigned reviewer resolves it');
  if (thread.status === 'resolved') refuse(ReviewErrorCode.THREAD_ALREADY_RESOLVED, 'threadId', `Thread ${thread.threadId} is resolved already`);
  const closing = { inventoryId: state.inventoryId, party: state.party, threadId: thread.threadId, by: person.accountId, note: textOrNull(command.note, 'note'), at: context.now.toISOString() };
  const lead = state.leadReviewer;
  const confirms = lead === null || isLeadReviewer(person, state) || (thread.status === 'awaiting_lead' && thread.author === person.accountId);
  if (confirms) return accept(reviewEvent<ThreadResolved>('ThreadResolved', closing));
  if (thread.status === 'awaiting_lead') forbidden('Only the lead reviewer or the question\'s author drops a question awaiting the lead');
  return accept(reviewEvent<ThreadResolutionProposed>('ThreadResolutionProposed', { ...closing, lead }));
}

/** The lead lets a reviewer's held question through; the Party's coordinator who asked for review, and those mentioned, hear of it. */
export function decideReleaseThread(command: ReleaseThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  // Without a lead (unassigned meanwhile), any assigned reviewer releases what was held.
  const mayRelease = state.leadReviewer === null ? isActiveReviewer(person, state) : isLeadReviewer(person, state);
  if (!mayRelease) forbidden('Only the lead reviewer lets questions through');
  const thread = requireThread(state, command.threadId, person);
  if (thread.status !== 'awaiting_lead') refuse(ReviewErrorCode.THREAD_NOT_AWAITING_LEAD, 'threadId', `Thread ${thread.threadId} is not awaiting the lead reviewer (it is ${thread.status.replace('_', ' ')})`);
  const mentioned = thread.comments.flatMap((c) => c.mentions);
  const notify = [...new Set([...(state.requestedBy ? [state.requestedBy] : []), ...mentioned])].filter((id) => !state.reviewers[id]).sort();
  return accept(
    reviewEvent<ThreadReleased>('ThreadReleased', { inventoryId: state.inventoryId, party: state.party, threadId: thread.threadId, by: person.accountId, at: context.now.toISOString(), notify }),
  );
}

export function decideReopenThread(command: ReopenThread, state: ReviewState, context: ReviewContext): ReviewDecision {
  const person = requirePerson(context.actor);
  if (!canDiscuss(person, state)) forbidden('Only the Party\'s drafters, its coordinator and the assigned reviewers reopen threads');
  const thread = requireThread(state, command.threadId, person);
  if (thread.status !== 'resolved') refuse(ReviewErrorCode.THREAD_NOT_RESOLVED, 'threadId', `Thread ${thread.threadId} is ${thread.status.replace('_', ' ')}, not resolved`);
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

/** A held question does not exist for those who may not see it yet. */
function requireThread(state: ReviewState, threadId: string, reader: Pick<ReviewPerson, 'accountId' | 'organisation' | 'roles'>): ReviewThread {
  const thread = state.threads[threadId];
  if (!thread || (thread.held && !seesHeldQuestions(reader, state))) refuse(ReviewErrorCode.THREAD_NOT_FOUND, 'threadId', `There is no thread ${threadId}`);
  return thread;
}

/** A mention notifies someone, so it must name a person who can read the review (in a held question, the thread). */
function mentionIds(mentions: readonly ReviewPerson[], state: ReviewState, held = false): string[] {
  const outsiders = mentions.filter((m) => !(held ? seesHeldQuestions(m, state) : canReadReview(m, state)));
  if (outsiders.length) {
    const why = held ? 'cannot see a question awaiting the lead reviewer; mention them once it is let through' : 'cannot read this review';
    refuse(ReviewErrorCode.MENTION_NOT_PARTICIPANT, 'mentions', `${outsiders.map((m) => m.displayName || m.accountId).join(', ')} ${why}`, {
      accountIds: outsiders.map((m) => m.accountId),
    });
  }
  return [...new Set(mentions.map((m) => m.accountId))].sort();
}

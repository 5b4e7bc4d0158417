import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { ReviewService } from '../application/review.service';
import type { ReviewSubject } from '../domain/review.types';
import { REVIEW_PARTICIPANT_ROLES, REVIEWER_ROLES } from '../domain/review-access';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';
import { OpenThreadInput, ReleaseThreadInput, ReopenThreadInput, ReplyToThreadInput, ResolveThreadInput } from './review.inputs';
import { ReviewActionType } from './review.types';
import { actionResult } from './review-workflow.resolver';

/** Threads on an inventory, a category or a line: the Party's team and the assigned reviewers write. */
@Resolver()
export class ReviewThreadResolver {
  constructor(@Inject(ReviewService) private readonly service: ReviewService) {}

  @Mutation(() => ReviewActionType, { description: 'Opens a thread on the inventory, a category or a line; mentioned people are notified.' })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  async openReviewThread(@CurrentActor() actor: Actor, @Args('input') input: OpenThreadInput): Promise<ReviewActionType> {
    if (input.lineId && input.categoryCode) throw new ReviewError(ReviewErrorCode.INVALID_INPUT, 'lineId', 'Name a line or a category, not both.');
    // A guessable id would let the Party probe for reviewers' questions held for the lead (THREAD_EXISTS).
    if (input.threadId && !isUUID(input.threadId)) throw new ReviewError(ReviewErrorCode.INVALID_INPUT, 'threadId', 'A thread id chosen by the client is a UUID.');
    const subject: ReviewSubject = input.lineId
      ? { kind: 'line', lineId: input.lineId }
      : input.categoryCode
        ? { kind: 'category', categoryCode: input.categoryCode }
        : { kind: 'inventory' };
    const mentions = await this.service.persons(input.mentionIds, 'mentionIds');
    const command = { type: 'OpenThread' as const, threadId: input.threadId ?? randomUUID(), commentId: randomUUID(), subject, text: input.text, mentions };
    return actionResult(await this.service.execute(actor, input.inventoryId, command));
  }

  @Mutation(() => ReviewActionType, { description: 'Replies in a thread; the others in it and the mentioned are notified.' })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  async replyToReviewThread(@CurrentActor() actor: Actor, @Args('input') input: ReplyToThreadInput): Promise<ReviewActionType> {
    const mentions = await this.service.persons(input.mentionIds, 'mentionIds');
    const command = { type: 'ReplyToThread' as const, threadId: input.threadId, commentId: randomUUID(), text: input.text, mentions };
    return actionResult(await this.service.execute(actor, input.inventoryId, command));
  }

  @Mutation(() => ReviewActionType, { description: 'The lead reviewer lets a reviewer\'s question through to the Party (who is notified).' })
  @Access.roles(...REVIEWER_ROLES)
  async releaseReviewThread(@CurrentActor() actor: Actor, @Args('input') input: ReleaseThreadInput): Promise<ReviewActionType> {
    return actionResult(await this.service.execute(actor, input.inventoryId, { type: 'ReleaseThread', threadId: input.threadId }));
  }

  @Mutation(() => ReviewActionType, {
    description: 'Resolves a thread (its author or an assigned reviewer). With a lead reviewer, anyone else only proposes closing (ThreadResolutionProposed) and the lead confirms.',
  })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  async resolveReviewThread(@CurrentActor() actor: Actor, @Args('input') input: ResolveThreadInput): Promise<ReviewActionType> {
    return actionResult(await this.service.execute(actor, input.inventoryId, { type: 'ResolveThread', threadId: input.threadId, note: input.note ?? null }));
  }

  @Mutation(() => ReviewActionType, { description: 'Reopens a resolved thread, saying why.' })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  async reopenReviewThread(@CurrentActor() actor: Actor, @Args('input') input: ReopenThreadInput): Promise<ReviewActionType> {
    return actionResult(await this.service.execute(actor, input.inventoryId, { type: 'ReopenThread', threadId: input.threadId, reason: input.reason }));
  }
}

import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import type { ReviewOutcome } from '../application/review-commands.handler';
import { reviewView } from '../application/review-queries';
import { ReviewService } from '../application/review.service';
import type { ReviewCommand } from '../domain/review.commands';
import { REVIEWER_ROLES } from '../domain/review-access';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';
import { toReceipt, toReview } from './review.mapper';
import { ApproveInput, LeadReviewerInput, ReopenSubmissionInput, RequestChangesInput, RequestReviewInput, ReviewerInput, SubmitToSecretariatInput } from './review.inputs';
import { ReviewActionType } from './review.types';

/** Thin adapter for the workflow: the coordinator asks, assigns and submits; assigned reviewers approve or ask for changes. */
@Resolver()
export class ReviewWorkflowResolver {
  constructor(@Inject(ReviewService) private readonly service: ReviewService) {}

  @Mutation(() => ReviewActionType, { description: 'Submits the inventory for review (again, after changes); QA/QC blockers stop it, warnings need a comment.' })
  @Access.roles('national_coordinator')
  async requestReview(@CurrentActor() actor: Actor, @Args('input') input: RequestReviewInput): Promise<ReviewActionType> {
    const reviewers = await this.service.persons(input.reviewerIds, 'reviewerIds');
    return this.run(actor, input.inventoryId, { type: 'RequestReview', reviewers, acknowledgements: input.acknowledgements, note: input.note ?? null }, input.commandId);
  }

  @Mutation(() => ReviewActionType, { description: 'Assigns a reviewer: of the Party, another Party\'s expert, or the Secretariat.' })
  @Access.roles('national_coordinator')
  async assignReviewer(@CurrentActor() actor: Actor, @Args('input') input: ReviewerInput): Promise<ReviewActionType> {
    const [reviewer] = await this.service.persons([input.accountId], 'accountId');
    return this.run(actor, input.inventoryId, { type: 'AssignReviewer', reviewer });
  }

  @Mutation(() => ReviewActionType)
  @Access.roles('national_coordinator')
  unassignReviewer(@CurrentActor() actor: Actor, @Args('input') input: ReviewerInput): Promise<ReviewActionType> {
    return this.run(actor, input.inventoryId, { type: 'UnassignReviewer', accountId: input.accountId });
  }

  @Mutation(() => ReviewActionType, {
    description: 'Names the lead reviewer (an assigned reviewer) or, with null, clears the role: the lead lets the other reviewers\' questions through to the Party and confirms closing threads.',
  })
  @Access.roles('national_coordinator')
  setLeadReviewer(@CurrentActor() actor: Actor, @Args('input') input: LeadReviewerInput): Promise<ReviewActionType> {
    return this.run(actor, input.inventoryId, { type: 'SetLeadReviewer', accountId: input.accountId ?? null });
  }

  @Mutation(() => ReviewActionType, { description: 'An assigned reviewer sends the inventory back to the Party with what should change.' })
  @Access.roles(...REVIEWER_ROLES)
  requestChanges(@CurrentActor() actor: Actor, @Args('input') input: RequestChangesInput): Promise<ReviewActionType> {
    return this.run(actor, input.inventoryId, { type: 'RequestChanges', summary: input.summary });
  }

  @Mutation(() => ReviewActionType, { description: 'An assigned reviewer approves a line or a category as it stands; open threads on it block.' })
  @Access.roles(...REVIEWER_ROLES)
  approve(@CurrentActor() actor: Actor, @Args('input') input: ApproveInput): Promise<ReviewActionType> {
    if (Boolean(input.lineId) === Boolean(input.categoryCode)) {
      throw new ReviewError(ReviewErrorCode.INVALID_INPUT, 'lineId', 'Name either a line (lineId) or a category (categoryCode).');
    }
    const subject = input.lineId ? { kind: 'line' as const, lineId: input.lineId } : { kind: 'category' as const, categoryCode: input.categoryCode as string };
    return this.run(actor, input.inventoryId, { type: 'Approve', subject });
  }

  @Mutation(() => ReviewActionType, { description: 'An assigned reviewer approves the inventory: every line approved, no open thread.' })
  @Access.roles(...REVIEWER_ROLES)
  approveInventory(@CurrentActor() actor: Actor, @Args('inventoryId') inventoryId: string): Promise<ReviewActionType> {
    return this.run(actor, inventoryId, { type: 'ApproveInventory' });
  }

  @Mutation(() => ReviewActionType, { description: 'Freezes the approved inventory for the Secretariat: a snapshot, its hash and a receipt.' })
  @Access.roles('national_coordinator')
  submitToSecretariat(@CurrentActor() actor: Actor, @Args('input') input: SubmitToSecretariatInput): Promise<ReviewActionType> {
    const command: ReviewCommand = { type: 'SubmitToSecretariat', submissionId: input.submissionId ?? null, acknowledgements: input.acknowledgements };
    return this.run(actor, input.inventoryId, command, input.commandId);
  }

  @Mutation(() => ReviewActionType, { description: 'Reopens a submitted inventory as a new revision; the submission stays readable until superseded.' })
  @Access.roles('national_coordinator')
  reopenSubmission(@CurrentActor() actor: Actor, @Args('input') input: ReopenSubmissionInput): Promise<ReviewActionType> {
    return this.run(actor, input.inventoryId, { type: 'ReopenSubmission', reason: input.reason });
  }

  private async run(actor: Actor, inventoryId: string, command: ReviewCommand, commandId?: string | null): Promise<ReviewActionType> {
    return actionResult(await this.service.execute(actor, inventoryId, command, commandId));
  }
}

export function actionResult(outcome: ReviewOutcome): ReviewActionType {
  const { state, inventory } = outcome;
  const submitted = outcome.events.find((e) => e.type === 'SubmittedToSecretariat');
  return {
    inventoryId: state.inventoryId,
    events: outcome.events.map((e) => e.type),
    duplicate: outcome.duplicate,
    review: toReview(reviewView(state, inventory)),
    receipt: submitted?.type === 'SubmittedToSecretariat' ? toReceipt(submitted.data.receipt) : null,
  };
}

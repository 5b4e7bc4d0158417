import { Inject } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { InventoryQueries, InventoryType, toInventory } from '@upops/inventory';
import { ReviewQueries } from '../application/review-queries';
import { canReadReview, REVIEW_PARTICIPANT_ROLES } from '../domain/review-access';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';
import { ReviewService } from '../application/review.service';
import { toFinding, toReview, toSubject } from './review.mapper';
import { QaqcFindingType, ReviewHistoryEntryType, ReviewSummaryType, ReviewType } from './review.types';

/** Reading reviews: the Party's team, the assigned reviewers, and Secretariat officers. */
@Resolver(() => ReviewType)
export class ReviewResolver {
  constructor(
    @Inject(ReviewQueries) private readonly queries: ReviewQueries,
    @Inject(InventoryQueries) private readonly inventories: InventoryQueries,
    @Inject(ReviewService) private readonly service: ReviewService,
  ) {}

  @Query(() => ReviewType, { description: 'The review of an inventory (its team, assigned reviewers and the Secretariat only).' })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  async review(@CurrentActor() actor: Actor, @Args('inventoryId') inventoryId: string): Promise<ReviewType> {
    return toReview(await this.queries.review(actor, inventoryId));
  }

  @Query(() => [ReviewSummaryType], { description: 'Reviews assigned to the caller, their Party\'s, or (Secretariat officers) all.' })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  reviews(@CurrentActor() actor: Actor): Promise<ReviewSummaryType[]> {
    return this.queries.reviews(actor);
  }

  @Query(() => [ReviewHistoryEntryType], { description: 'The review\'s timeline, oldest first: requests, assignments, threads, approvals, lapses (with why), submissions.' })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  async reviewHistory(@CurrentActor() actor: Actor, @Args('inventoryId') inventoryId: string): Promise<ReviewHistoryEntryType[]> {
    const entries = await this.queries.history(actor, inventoryId, (ids) => this.service.names(ids));
    return entries.map((e) => ({ ...e, subject: e.subject ? toSubject(e.subject) : null }));
  }

  @Query(() => [QaqcFindingType], { description: 'QA/QC on the inventory as it stands: what a request for review or a submission would meet.' })
  @Access.roles(...REVIEW_PARTICIPANT_ROLES)
  async qaqcReport(@CurrentActor() actor: Actor, @Args('inventoryId') inventoryId: string): Promise<QaqcFindingType[]> {
    return (await this.queries.qaqc(actor, inventoryId)).map(toFinding);
  }

  /**
   * The inventory under review, with lines, releases and totals. An assigned reviewer may be of
   * another Party, so the caller is checked against the review itself (whichever query or mutation
   * returned it), then the inventory is read as the Party's own observer would read it.
   */
  @ResolveField(() => InventoryType, { nullable: true })
  async inventory(@CurrentActor() actor: Actor, @Parent() review: ReviewType): Promise<InventoryType | null> {
    const reviewers = Object.fromEntries(review.reviewers.map((r) => [r.accountId, r]));
    if (!canReadReview(actor, { party: review.party, reviewers })) {
      throw new ReviewError(ReviewErrorCode.FORBIDDEN, 'inventory', `You may not read inventory ${review.inventoryId}.`);
    }
    const view = await this.inventories.current({ organisation: review.party, roles: ['observer'] }, review.inventoryId);
    return view ? toInventory(view) : null;
  }
}

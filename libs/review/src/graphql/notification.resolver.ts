import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { withFilter } from 'graphql-subscriptions';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { type NotificationView, ReviewQueries } from '../application/review-queries';
import { ReviewService } from '../application/review.service';
import { NOTIFICATION_RECEIVED, ReviewNotifications } from '../nest/review-notifications';
import type { NotificationNotice } from '../persistence/review.projection';
import { NotificationType } from './review.types';

/** Each person's own notifications: nobody reads another's. */
@Resolver()
export class NotificationResolver {
  constructor(
    @Inject(ReviewQueries) private readonly queries: ReviewQueries,
    @Inject(ReviewNotifications) private readonly live: ReviewNotifications,
    @Inject(ReviewService) private readonly service: ReviewService,
  ) {}

  /** Names for the people who caused the notifications: one directory lookup per person, not per notification. */
  private async named(notifications: NotificationView[]): Promise<NotificationType[]> {
    const names = await this.service.names([...new Set(notifications.map((n) => n.actor))]);
    return notifications.map((n) => ({ ...n, actorName: names.get(n.actor) ?? null }));
  }

  @Query(() => [NotificationType], { description: 'The caller\'s notifications, newest first.' })
  @Access.authenticated()
  async notifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<NotificationType[]> {
    return this.named(await this.queries.notifications(actor, { unreadOnly, limit }));
  }

  @Mutation(() => Int, { description: 'Marks some of the caller\'s notifications read; returns how many changed.' })
  @Access.authenticated()
  markNotificationsRead(@CurrentActor() actor: Actor, @Args('notificationIds', { type: () => [String] }) notificationIds: string[]): Promise<number> {
    return this.queries.markRead(actor, notificationIds);
  }

  @Subscription(() => NotificationType, {
    description: 'The caller\'s notifications as they arrive.',
    async resolve(this: NotificationResolver, notice: NotificationNotice, _args: unknown, context: { actor?: Actor }) {
      const notification = context.actor ? await this.queries.notification(context.actor, notice.notificationId) : undefined;
      return notification ? (await this.named([notification]))[0] : undefined;
    },
  })
  @Access.authenticated()
  notificationReceived(@CurrentActor() actor: Actor): AsyncIterator<unknown> {
    const iterator = withFilter(
      () => this.live.pubSub.asyncIterableIterator(NOTIFICATION_RECEIVED),
      (notice: NotificationNotice | undefined) => notice?.recipient === actor.accountId,
    );
    return iterator(undefined as never, {}, {}, undefined as never) as AsyncIterator<unknown>;
  }
}

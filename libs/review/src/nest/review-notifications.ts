import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { AppendNotifier } from '@upops/event-store';
import type { NotificationNotice } from '../persistence/review.projection';

export const NOTIFICATION_RECEIVED = 'notificationReceived';

/** Turns the projection's notices (pg_notify at commit) into subscription payloads in this process. */
@Injectable()
export class ReviewNotifications implements OnModuleInit, OnModuleDestroy {
  readonly pubSub = new PubSub<{ [NOTIFICATION_RECEIVED]: NotificationNotice }>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly notifier: AppendNotifier) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = this.notifier.subscribe((payload) => {
      if (!payload) return;
      void this.pubSub.publish(NOTIFICATION_RECEIVED, JSON.parse(payload) as NotificationNotice);
    });
    await this.notifier.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.notifier.stop();
  }
}

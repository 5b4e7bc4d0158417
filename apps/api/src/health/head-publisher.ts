import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { AppendNotifier, PostgresEventStore } from '@upops/event-store';
import type { EventStoreHead } from './health.types';

export const HEAD_CHANGED = 'eventStoreHeadChanged';

/**
 * Turns the process's append notifications into GraphQL subscription payloads. Appends in
 * quick succession collapse into one query of the head.
 */
@Injectable()
export class HeadPublisher implements OnModuleInit, OnModuleDestroy {
  readonly pubSub = new PubSub<{ [HEAD_CHANGED]: { [HEAD_CHANGED]: EventStoreHead } }>();
  private unsubscribe: (() => void) | undefined;
  private querying = false;
  private again = false;

  constructor(
    @Inject(AppendNotifier) private readonly notifier: AppendNotifier,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.notifier.subscribe(() => void this.publish());
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async publish(): Promise<void> {
    if (this.querying) {
      this.again = true;
      return;
    }
    this.querying = true;
    try {
      do {
        this.again = false;
        const head = await this.store.headPosition();
        await this.pubSub.publish(HEAD_CHANGED, { [HEAD_CHANGED]: { position: head.toString(), observedAt: new Date() } });
      } while (this.again);
    } catch {
      // A failed head query only delays the next payload; the next append retries.
    } finally {
      this.querying = false;
    }
  }
}

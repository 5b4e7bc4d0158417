import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@upops/database';
import { PostgresEventStore } from '../postgres-event-store';
import { AppendNotifier } from '../subscriptions/append-notifier';
import { SubscriptionCheckpoints } from '../subscriptions/subscription-checkpoints';
import { type Upcaster, UpcasterChain } from '../upcasting/upcaster';

export interface EventStoreModuleOptions {
  /** Upcasters of every context, composed by the app. */
  upcasters?: readonly Upcaster[];
}

/** Provides the event store, the process's LISTEN connection and the subscription checkpoints. */
@Global()
@Module({})
export class EventStoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(AppendNotifier) private readonly notifier: AppendNotifier) {}

  static forRoot(options: EventStoreModuleOptions = {}): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: PostgresEventStore,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresEventStore(pool, new UpcasterChain(options.upcasters)),
        },
        { provide: AppendNotifier, inject: [PG_POOL], useFactory: (pool: Pool) => new AppendNotifier(pool) },
        {
          provide: SubscriptionCheckpoints,
          inject: [PG_POOL, AppendNotifier],
          useFactory: (pool: Pool, notifier: AppendNotifier) => new SubscriptionCheckpoints(pool, notifier),
        },
      ],
      exports: [PostgresEventStore, AppendNotifier, SubscriptionCheckpoints],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.notifier.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.notifier.stop();
  }
}

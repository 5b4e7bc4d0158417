import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@upops/database';
import {
  AppendNotifier,
  PostgresEventStore,
  type SubscriptionHandler,
  type SubscriptionLog,
  type SubscriptionOptions,
} from '@upops/event-store';
import type { EventBus } from '../event-bus.port';
import { KafkaEventBus } from '../kafka/kafka-event-bus';
import type { KafkaSettings } from '../kafka/kafka-settings';
import { PostgresEventBus } from '../postgres/postgres-event-bus';

export const EVENT_BUS = Symbol('EVENT_BUS');
const SUBSCRIPTION_HANDLERS = Symbol('SUBSCRIPTION_HANDLERS');

export interface MessagingModuleOptions {
  /** Kafka when brokers are configured; the PostgreSQL bus otherwise. */
  kafka?: KafkaSettings;
  subscription: Partial<SubscriptionOptions>;
  /** Builds the handlers this process runs (projections, calculators, reports). */
  handlers: (pool: Pool) => SubscriptionHandler[];
}

/** Starts every handler on the bus when the app is ready and stops them on shutdown. */
@Injectable()
class SubscriptionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SUBSCRIPTION_HANDLERS) private readonly handlers: SubscriptionHandler[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const handler of this.handlers) this.bus.register(handler);
    await this.bus.start();
    this.logger.log(`${this.handlers.length} subscription(s) on the ${this.bus.kind} bus: ${this.handlers.map((h) => h.name).join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.stop();
  }
}

/**
 * Each subscription holds its lease connection and takes another for a batch; the bus listens on
 * one more. A smaller pool does not fail: subscriptions wait for a connection forever. Say so at start.
 */
export function connectionsNeeded(subscriptions: number): number {
  return 2 * subscriptions + 1;
}

function withEnoughConnections(pool: Pool, handlers: SubscriptionHandler[]): SubscriptionHandler[] {
  const max = (pool as Pool & { options?: { max?: number } }).options?.max;
  const needed = connectionsNeeded(handlers.length);
  if (max !== undefined && max < needed) {
    throw new Error(`DATABASE_POOL_SIZE is ${max}, but ${handlers.length} subscriptions need at least ${needed} connections; raise DATABASE_POOL_SIZE.`);
  }
  return handlers;
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: SUBSCRIPTION_HANDLERS, inject: [PG_POOL], useFactory: (pool: Pool) => withEnoughConnections(pool, options.handlers(pool)) },
        {
          provide: EVENT_BUS,
          inject: [PG_POOL, PostgresEventStore, AppendNotifier],
          useFactory: (pool: Pool, store: PostgresEventStore, notifier: AppendNotifier): EventBus => {
            const logger = new Logger('EventBus');
            const log: SubscriptionLog = {
              info: (message) => logger.log(message),
              error: (message, error) => logger.error(message, error instanceof Error ? error.stack : String(error)),
            };
            return options.kafka
              ? new KafkaEventBus(pool, store, notifier, options.kafka, { relay: true, subscription: options.subscription }, log)
              : new PostgresEventBus(pool, store, notifier, options.subscription, log);
          },
        },
        SubscriptionHost,
      ],
      exports: [EVENT_BUS],
    };
  }
}

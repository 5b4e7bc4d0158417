import type { Pool } from 'pg';
import {
  type AppendNotifier,
  type PostgresEventStore,
  type SubscriptionHandler,
  type SubscriptionLog,
  type SubscriptionOptions,
  SubscriptionRunner,
} from '@upops/event-store';
import type { EventBus } from '../event-bus.port';

/** The default bus: each handler is a durable subscription on the event store. */
export class PostgresEventBus implements EventBus {
  readonly kind = 'postgres' as const;
  private readonly runners: SubscriptionRunner[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly notifier: AppendNotifier,
    private readonly options: Partial<SubscriptionOptions> = {},
    private readonly log?: SubscriptionLog,
  ) {}

  register(handler: SubscriptionHandler): void {
    if (this.runners.some((runner) => runner.name === handler.name)) {
      throw new Error(`a subscription named ${handler.name} is already registered`);
    }
    this.runners.push(new SubscriptionRunner(this.pool, this.store, handler, this.notifier, this.options, this.log));
  }

  async start(): Promise<void> {
    for (const runner of this.runners) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}

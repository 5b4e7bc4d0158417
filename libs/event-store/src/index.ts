import { CreateEventStore1764300000000 } from './persistence/1764300000000-create-event-store';
import { CreateEventTypeStatistics1764300000002 } from './persistence/1764300000002-create-event-type-statistics';

export * from './event.types';
export * from './errors';
export type { SqlClient } from './sql-client';
export { PostgresEventStore } from './postgres-event-store';
export { UpcasterChain, type Upcaster } from './upcasting/upcaster';
export { AppendNotifier } from './subscriptions/append-notifier';
export {
  SubscriptionRunner,
  SubscriptionBusy,
  type RebuildProgress,
  type SubscriptionLog,
} from './subscriptions/subscription-runner';
export { SubscriptionCheckpoints } from './subscriptions/subscription-checkpoints';
export * from './subscriptions/subscription.types';
export { EventStoreModule, type EventStoreModuleOptions } from './nest/event-store.module';
export { EventTypeStatisticsProjection, EVENT_TYPE_STATISTICS } from './projections/event-type-statistics.projection';

/** This context's migrations, in order; apps compose them with other contexts'. */
export const eventStoreMigrations = [CreateEventStore1764300000000, CreateEventTypeStatistics1764300000002];

import type { SubscriptionHandler } from '@upops/event-store';

/**
 * How events reach their handlers. The PostgreSQL adapter reads the event store directly
 * (one machine); the Kafka adapter relays events to topics and consumes them in groups
 * (services deployed apart). Handlers are the same either way.
 */
export interface EventBus {
  readonly kind: 'postgres' | 'kafka';
  register(handler: SubscriptionHandler): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

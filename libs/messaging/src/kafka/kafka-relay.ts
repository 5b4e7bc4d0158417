import type { RecordedEvent, SubscriptionHandler } from '@upops/event-store';
import { planSends } from './event-message';
import type { MessageProducer } from './message-producer.port';

export const KAFKA_RELAY_SUBSCRIPTION = 'kafka-relay';

/**
 * Publishes every event to Kafka in global order as a subscription of the event store. The
 * checkpoint moves only after the brokers acknowledged the batch: at-least-once, with the
 * global position as the consumers' idempotency key.
 */
export class KafkaRelay implements SubscriptionHandler {
  readonly name = KAFKA_RELAY_SUBSCRIPTION;

  constructor(
    private readonly producer: MessageProducer,
    private readonly topicPrefix: string,
    private readonly maxMessagesPerSend = 1000,
  ) {}

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    for (const send of planSends(events, this.topicPrefix, this.maxMessagesPerSend)) {
      await this.producer.send(send);
    }
  }
}

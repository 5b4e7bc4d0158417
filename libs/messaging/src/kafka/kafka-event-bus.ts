import { type Consumer, Kafka } from 'kafkajs';
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
import { decodeEvent, firstDeliveries, topicFor } from './event-message';
import { deliverOnce } from './inbox';
import { KafkaRelay } from './kafka-relay';
import { kafkaClientConfig, type KafkaSettings } from './kafka-settings';
import { KafkajsProducer } from './kafkajs-producer';
import type { MessageProducer } from './message-producer.port';

export interface KafkaEventBusOptions {
  /** Run the outbox relay in this process (one instance wins the lease cluster-wide). */
  relay: boolean;
  subscription?: Partial<SubscriptionOptions>;
}

/**
 * Events travel through Kafka: the relay publishes the event store to topics (one per
 * stream type, keyed by stream id) and each handler consumes them in a consumer group of
 * its own, so worker instances share partitions. Handlers see each stream in order; the
 * inbox makes redeliveries harmless.
 */
export class KafkaEventBus implements EventBus {
  readonly kind = 'kafka' as const;
  private readonly handlers: SubscriptionHandler[] = [];
  private readonly consumers: Consumer[] = [];
  private relayRunner: SubscriptionRunner | undefined;
  private readonly kafka: Kafka;
  private readonly producer: MessageProducer;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly notifier: AppendNotifier,
    private readonly settings: KafkaSettings,
    private readonly options: KafkaEventBusOptions,
    private readonly log?: SubscriptionLog,
  ) {
    this.kafka = new Kafka(kafkaClientConfig(settings));
    this.producer = new KafkajsProducer(settings, this.kafka);
  }

  register(handler: SubscriptionHandler): void {
    this.handlers.push(handler);
  }

  async start(): Promise<void> {
    if (this.options.relay) {
      await this.producer.connect();
      const relay = new KafkaRelay(this.producer, this.settings.topicPrefix, this.settings.maxMessagesPerSend);
      this.relayRunner = new SubscriptionRunner(this.pool, this.store, relay, this.notifier, this.options.subscription, this.log);
      this.relayRunner.start();
    }
    for (const handler of this.handlers) this.consumers.push(await this.startConsumer(handler));
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.splice(0).map((consumer) => consumer.disconnect()));
    if (this.relayRunner) {
      await this.relayRunner.stop();
      await this.producer.disconnect();
    }
  }

  /** The consumer group of a handler; its inbox rows carry the same name. */
  groupOf(handler: SubscriptionHandler): string {
    return `${this.settings.topicPrefix}.${handler.name}`;
  }

  private async startConsumer(handler: SubscriptionHandler): Promise<Consumer> {
    const group = this.groupOf(handler);
    const consumer = this.kafka.consumer({ groupId: group, allowAutoTopicCreation: true, sessionTimeout: 30_000 });
    await consumer.connect();
    const topics = handler.streamTypes?.map((type) => topicFor(this.settings.topicPrefix, type));
    if (topics) await this.ensureTopics(topics);
    await consumer.subscribe({
      topics: topics ?? [new RegExp(`^${escapeRegExp(this.settings.topicPrefix)}\\.`)],
      fromBeginning: true,
    });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const events = firstDeliveries(batch.messages.map((m) => decodeEvent(m.value?.toString() ?? '{}')));
        await deliverOnce(this.pool, group, events, handler);
        const last = batch.messages[batch.messages.length - 1];
        if (last) resolveOffset(last.offset);
        await heartbeat();
      },
    });
    return consumer;
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => ({ topic, numPartitions: this.settings.partitions ?? 6 })),
      });
    } finally {
      await admin.disconnect();
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { CompressionTypes, Kafka, type Producer } from 'kafkajs';
import type { TopicMessages } from './event-message';
import { kafkaClientConfig, type KafkaSettings } from './kafka-settings';
import type { MessageProducer } from './message-producer.port';

/** Idempotent producer, one request in flight: retries never reorder or duplicate on a partition. */
export class KafkajsProducer implements MessageProducer {
  private readonly producer: Producer;

  constructor(settings: KafkaSettings, kafka: Kafka = new Kafka(kafkaClientConfig(settings))) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(batch: TopicMessages[]): Promise<void> {
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: batch.map(({ topic, messages }) => ({
        topic,
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

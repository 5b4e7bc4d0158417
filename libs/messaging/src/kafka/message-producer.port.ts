import type { TopicMessages } from './event-message';

/**
 * The relay's view of a Kafka producer. kafkajs is in maintenance mode: this port lets
 * another client replace it without touching the relay.
 */
export interface MessageProducer {
  connect(): Promise<void>;
  /** Sends one request; resolves once the brokers acknowledged every message. */
  send(batch: TopicMessages[]): Promise<void>;
  disconnect(): Promise<void>;
}

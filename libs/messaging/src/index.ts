import { CreateMessageInbox1764300000001 } from './persistence/1764300000001-create-message-inbox';

export type { EventBus } from './event-bus.port';
export { PostgresEventBus } from './postgres/postgres-event-bus';
export { KafkaEventBus, type KafkaEventBusOptions } from './kafka/kafka-event-bus';
export { KafkaRelay, KAFKA_RELAY_SUBSCRIPTION } from './kafka/kafka-relay';
export { KafkajsProducer } from './kafka/kafkajs-producer';
export type { MessageProducer } from './kafka/message-producer.port';
export { kafkaClientConfig, type KafkaSettings } from './kafka/kafka-settings';
export { deliverOnce } from './kafka/inbox';
export * from './kafka/event-message';

/** This context's migrations, in order. */
export const messagingMigrations = [CreateMessageInbox1764300000001];
export { MessagingModule, EVENT_BUS, type MessagingModuleOptions } from './nest/messaging.module';

import { type KafkaConfig, logLevel } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  topicPrefix: string;
  /** Partitions for topics this platform creates. */
  partitions?: number;
  /** Most messages in one producer request. */
  maxMessagesPerSend?: number;
}

/**
 * kafkajs with its defaults takes 9-12 s to fail on a closed port and may report
 * "connected" to a port that never answers: every timeout is explicit (STACK.md).
 */
export function kafkaClientConfig(settings: KafkaSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 3_000,
    authenticationTimeout: 3_000,
    requestTimeout: 10_000,
    enforceRequestTimeout: true,
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 },
    logLevel: logLevel.WARN,
  };
}

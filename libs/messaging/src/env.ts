import type { KafkaSettings } from './options';

/** The Kafka variables of `serviceEnv` (libs/config), as loaded. */
export interface KafkaConfig {
  KAFKA_BROKERS: string[];
  KAFKA_TOPIC_PREFIX: string;
  KAFKA_REQUEST_TIMEOUT_MS: number;
  KAFKA_CONSUMER_MAX_WAIT_MS: number;
  KAFKA_SESSION_TIMEOUT_MS: number;
  KAFKA_HEARTBEAT_INTERVAL_MS: number;
}

export function kafkaSettingsFrom(config: KafkaConfig, clientId: string): KafkaSettings {
  return {
    brokers: config.KAFKA_BROKERS,
    clientId,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    requestTimeoutMs: config.KAFKA_REQUEST_TIMEOUT_MS,
    maxWaitTimeMs: config.KAFKA_CONSUMER_MAX_WAIT_MS,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: config.KAFKA_HEARTBEAT_INTERVAL_MS,
  };
}

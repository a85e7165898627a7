/** Kafka settings of one service. Defaults suit a real cluster; the local stack tunes them for the mock broker. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Put before every topic name (e.g. `staging.`), so environments can share a cluster. */
  topicPrefix?: string;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Consumer: how long a fetch waits for data (the mock broker always waits all of it). */
  maxWaitTimeMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

export interface RelaySettings {
  /** Rows published per round (default 500). */
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (default 1000 ms). */
  pollIntervalMs?: number;
  /** Backoff after a failed publish: first and longest wait (defaults 200 ms and 30 s). */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** How long shutdown tries to publish what is left (default 5 s). */
  flushTimeoutMs?: number;
  /** Published rows are deleted after this long (default 7 days). */
  retentionHours?: number;
}

export interface ConsumerSettings {
  /** Consumer group; defaults to the service name. */
  groupId?: string;
  /** Attempts of a failing handler before the event goes to the dead-letter topic (default 5). */
  maxAttempts?: number;
  /** Backoff between attempts: first and longest (defaults 100 ms and 5 s). */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Where a new consumer group starts: the earliest retained event (default) or only new ones. */
  fromBeginning?: boolean;
  /**
   * Partitions handled at the same time by one consumer (default 4). Records of one partition, and
   * so of one key, are always handled one after the other, in order.
   */
  partitionConcurrency?: number;
}

export interface MessagingOptions {
  /** Service name: `ce_source`, client id, default consumer group. */
  service: string;
  /** The service's database schema, which holds its outbox and inbox tables. */
  schema: string;
  kafka: KafkaSettings;
  relay?: RelaySettings;
  consumer?: ConsumerSettings;
  /** Start the relay (default true). A read-only replica or a migration job turns it off. */
  relayEnabled?: boolean;
}

/** Exponential backoff with full jitter, capped. `attempt` counts from 1. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function physicalTopic(prefix: string | undefined, topic: string): string {
  return (prefix ?? '') + topic;
}

/**
 * Raw Kafka access for tests and benchmarks: produce records that no outbox wrote (duplicates,
 * poison), and read a topic up to its current end. Lives here so that no code outside
 * libs/messaging imports kafkajs.
 */
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { decodeHeaders, type KafkaHeaders } from '@seriktes/contracts';

export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: KafkaHeaders;
  timestamp: string;
}

export interface RawKafkaOptions {
  brokers: string[];
  /** Consumer tuning; the local mock broker needs short waits (see stack-spike.md). */
  maxWaitTimeMs?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
}

export class RawKafka {
  private readonly kafka: Kafka;
  private producer?: Producer;

  constructor(private readonly options: RawKafkaOptions) {
    this.kafka = new Kafka({
      clientId: 'seriktes-raw',
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 3, initialRetryTime: 100 },
    });
  }

  static fromEnv(env: Record<string, string | undefined> = process.env): RawKafka {
    return new RawKafka({
      brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      maxWaitTimeMs: Number(env.KAFKA_CONSUMER_MAX_WAIT_MS ?? 100),
      sessionTimeoutMs: Number(env.KAFKA_SESSION_TIMEOUT_MS ?? 3000),
      heartbeatIntervalMs: Number(env.KAFKA_HEARTBEAT_INTERVAL_MS ?? 300),
    });
  }

  async produce(
    topic: string,
    records: Array<{ key?: string | null; value: string | null; headers?: KafkaHeaders }>,
  ): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: true, maxInFlightRequests: 1 });
      await this.producer.connect();
    }
    await this.producer.send({
      topic,
      acks: -1,
      messages: records.map((r) => ({ key: r.key ?? null, value: r.value, headers: r.headers })),
    });
  }

  /** End offsets per partition, as a map partition -> high watermark. */
  async endOffsets(topic: string): Promise<Map<number, bigint>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  /** Every record of `topic` from the beginning up to its end at the time of the call. */
  async readAll(topic: string, timeoutMs = 20_000): Promise<RawRecord[]> {
    await this.produceNothingToCreate(topic);
    const ends = await this.endOffsets(topic);
    const remaining = new Map([...ends].filter(([, high]) => high > 0n));
    const records: RawRecord[] = [];
    if (remaining.size === 0) return records;
    const consumer = this.consumer(`seriktes-raw-reader-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), timeoutMs);
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const end = remaining.get(partition);
              if (end === undefined) return;
              if (BigInt(message.offset) < end) {
                records.push({
                  topic,
                  partition,
                  offset: message.offset,
                  key: message.key?.toString('utf8') ?? null,
                  value: message.value?.toString('utf8') ?? null,
                  headers: decodeHeaders(message.headers as Record<string, unknown>),
                  timestamp: message.timestamp,
                });
              }
              if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  }

  /** A consumer with the tuning of this instance (for benchmarks that measure raw kafkajs). */
  consumer(groupId: string): Consumer {
    return this.kafka.consumer({
      groupId,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 100,
      sessionTimeout: this.options.sessionTimeoutMs ?? 3000,
      rebalanceTimeout: this.options.sessionTimeoutMs ?? 3000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 300,
      allowAutoTopicCreation: true,
    });
  }

  /** A plain producer (for benchmarks that measure raw kafkajs). */
  rawProducer(): Producer {
    return this.kafka.producer({ allowAutoTopicCreation: true });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  /** Makes sure the topic exists (the mock broker creates topics on first metadata request). */
  private async produceNothingToCreate(topic: string): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.fetchTopicMetadata({ topics: [topic] });
    } catch {
      // Unknown topic on a broker without auto-creation: reading finds nothing, which is the truth.
    } finally {
      await admin.disconnect();
    }
  }
}

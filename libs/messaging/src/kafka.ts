import { Kafka, logLevel, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { KafkaSettings } from './options';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through the service's JSON logger; its routine chatter is demoted to debug. */
function logCreator(logger: Logger) {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = log;
      let target = levels[level] ?? 'info';
      if (target === 'info') target = 'debug';
      logger[target]({ kafka: namespace, ...extra }, message);
    };
}

export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: settings.connectionTimeoutMs ?? 3000,
    requestTimeout: settings.requestTimeoutMs ?? 10_000,
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 2 },
    logLevel: logLevel.WARN,
    logCreator: logCreator(logger),
  });
}

export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    allowAutoTopicCreation: true,
    // One request in flight per broker: a retried request cannot overtake a later one, so per-key order holds.
    maxInFlightRequests: 1,
    retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 2 },
  });
}

export { type Kafka, type Producer } from 'kafkajs';

/** The Kafka client of a service and its one producer, shared by the relay and dead-lettering. */
export class KafkaClients {
  readonly kafka: Kafka;
  readonly producer: Producer;
  private connecting?: Promise<void>;

  constructor(settings: KafkaSettings, logger: Logger) {
    this.kafka = createKafka(settings, logger);
    this.producer = createProducer(this.kafka);
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connecting = undefined;
    });
  }

  /** Connects the producer once; after a failure or a disconnect the next call tries again. */
  async producerReady(): Promise<Producer> {
    if (!this.connecting) {
      this.connecting = this.producer.connect().catch((error: unknown) => {
        this.connecting = undefined;
        throw error;
      });
    }
    await this.connecting;
    return this.producer;
  }

  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    this.connecting = undefined;
  }
}

import { RawKafka } from '@seriktes/messaging/testing';
import { startMockKafka } from '../src/kafka';

describe('the mock Kafka broker of the harness', () => {
  it('starts, carries records, and is gone after stop', async () => {
    const kafka = await startMockKafka();
    expect(kafka.brokers[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(kafka.env).toMatchObject({ KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_CONSUMER_MAX_WAIT_MS: '100' });
    const raw = new RawKafka({ brokers: kafka.brokers });
    try {
      await raw.produce('harness.check.v1', [{ key: 'k', value: 'v', headers: { h: '1' } }]);
      const records = await raw.readAll('harness.check.v1');
      expect(records.map((r) => [r.key, r.value, r.headers.h])).toEqual([['k', 'v', '1']]);
    } finally {
      await raw.close();
      await kafka.stop();
    }
    expect(() => process.kill(kafka.pid!, 0)).toThrow();
  });
});

import { connect } from 'node:net';
import { startMockKafka } from '../src/kafka';

function accepts(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the mock Kafka broker of the harness', () => {
  it('announces its address with the mock consumer settings, listens, and is gone after stop', async () => {
    const kafka = await startMockKafka();
    expect(kafka.brokers[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(kafka.env).toMatchObject({ KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_CONSUMER_MAX_WAIT_MS: '100' });
    expect(await accepts(kafka.brokers[0])).toBe(true);
    await kafka.stop();
    expect(() => process.kill(kafka.pid!, 0)).toThrow();
    expect(await accepts(kafka.brokers[0])).toBe(false);
  });

  it('runs one broker per call, so suites never share topics', async () => {
    const [a, b] = await Promise.all([startMockKafka(), startMockKafka()]);
    try {
      expect(a.brokers[0]).not.toBe(b.brokers[0]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

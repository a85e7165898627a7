import { Writable } from 'node:stream';
import { newCorrelationId, runInContext, sanitizeCorrelationId } from './context';
import { createLogger } from './logger';
import { Metrics } from './metrics';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('JSON logs with correlation ids', () => {
  it('stamps each line with the service and the correlation and causation ids of the current work', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'citizen-requests', level: 'info', destination });
    logger.info('outside');
    runInContext({ correlationId: 'corr-1', causationId: 'event-7' }, () => logger.info({ requestId: 'r1' }, 'inside'));
    expect(lines[0]).toMatchObject({ level: 'info', service: 'citizen-requests', msg: 'outside' });
    expect(lines[0]).not.toHaveProperty('correlationId');
    expect(lines[1]).toMatchObject({ service: 'citizen-requests', correlationId: 'corr-1', causationId: 'event-7', requestId: 'r1', msg: 'inside' });
    expect(typeof lines[1].time).toBe('string');
  });

  it('keeps the context across awaits', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 's', destination });
    await runInContext({ correlationId: 'corr-2' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.warn('later');
    });
    expect(lines[0]).toMatchObject({ correlationId: 'corr-2', level: 'warn' });
  });

  it('accepts only sane caller-supplied correlation ids', () => {
    expect(sanitizeCorrelationId('abc-123:x.y_z')).toBe('abc-123:x.y_z');
    expect(sanitizeCorrelationId('evil\n{"level":"fatal"}')).toBeUndefined();
    expect(sanitizeCorrelationId('x'.repeat(129))).toBeUndefined();
    expect(sanitizeCorrelationId(['a'])).toBeUndefined();
    expect(newCorrelationId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Metrics', () => {
  it('renders Prometheus text with the service label, and reuses a metric registered twice', async () => {
    const metrics = new Metrics('svc', false);
    metrics.counter('things_total', 'Things', ['kind']).inc({ kind: 'a' }, 2);
    metrics.counter('things_total', 'Things', ['kind']).inc({ kind: 'a' });
    const text = await metrics.render();
    expect(text).toContain('# TYPE things_total counter');
    expect(text).toContain('things_total{kind="a",service="svc"} 3');
  });
});

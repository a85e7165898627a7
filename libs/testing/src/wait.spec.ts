import { metricValue } from './http';
import { waitFor } from './wait';

describe('waitFor', () => {
  it('resolves with the first truthy value', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls >= 3 ? `after ${calls}` : undefined), { intervalMs: 1 })).resolves.toBe('after 3');
  });

  it('fails after the deadline with what it waited for and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('not yet');
        },
        { timeoutMs: 30, intervalMs: 5, description: 'the sky to fall' },
      ),
    ).rejects.toThrow(/timed out after 30 ms waiting for the sky to fall \(last: not yet\)/);
  });
});

describe('metricValue', () => {
  const text = [
    '# HELP x_total things',
    '# TYPE x_total counter',
    'x_total{type="a",outcome="processed",service="s"} 3',
    'x_total{type="b",outcome="processed",service="s"} 4',
    'x_total{type="b",outcome="duplicate",service="s"} 1',
    'x_total_other 9',
  ].join('\n');

  it('sums the samples whose labels match', () => {
    expect(metricValue(text, 'x_total', { outcome: 'processed' })).toBe(7);
    expect(metricValue(text, 'x_total', { type: 'b' })).toBe(5);
    expect(metricValue(text, 'x_total')).toBe(8);
    expect(metricValue(text, 'missing_total')).toBe(0);
  });
});

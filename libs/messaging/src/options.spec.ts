import { backoffDelay, physicalTopic } from './options';
import { Stopper } from './stoppable';

describe('backoff', () => {
  it('grows exponentially with jitter in the upper half, capped', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(4, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(30, 100, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(30, 100, 10_000, () => 0)).toBe(5000);
  });

  it('prefixes topics only when asked', () => {
    expect(physicalTopic(undefined, 'seriktes.a.b.v1')).toBe('seriktes.a.b.v1');
    expect(physicalTopic('staging.', 'seriktes.a.b.v1')).toBe('staging.seriktes.a.b.v1');
  });
});

describe('Stopper', () => {
  it('cuts a sleep short when stopped, and returns at once afterwards', async () => {
    jest.useFakeTimers();
    try {
      const stopper = new Stopper();
      const sleeping = stopper.sleep(60_000);
      stopper.stop();
      // No timer was advanced: only stop() can have ended these sleeps.
      await sleeping;
      await stopper.sleep(60_000);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('wakes through an interrupt hook and releases it', async () => {
    const stopper = new Stopper();
    let wake: (() => void) | undefined;
    let released = false;
    const sleeping = stopper.sleep(60_000, (w) => {
      wake = w;
      return () => {
        released = true;
      };
    });
    wake!();
    await sleeping;
    expect(released).toBe(true);
  });
});

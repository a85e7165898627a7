import {
  classifyResponse,
  JITTER,
  MAX_ATTEMPTS,
  MAX_CONSECUTIVE_FAILURES,
  MAX_RETRY_AFTER_SECONDS,
  nextAttemptAt,
  parseRetryAfter,
  RETRY_SCHEDULE_SECONDS,
} from './retry';

const NOW = new Date('2026-11-20T04:00:00Z');
const HOUR = 3600;

/** Runs a whole schedule with a constant random value; returns the seconds from the first attempt to the last. */
function span(random: number): number {
  let at = NOW;
  const first = nextAttemptAt(0, at, () => random)!;
  at = first;
  for (let attempt = 1; ; attempt++) {
    const next = nextAttemptAt(attempt, at, () => random);
    if (!next) {
      expect(attempt).toBe(MAX_ATTEMPTS);
      break;
    }
    expect(next.getTime()).toBeGreaterThan(at.getTime());
    at = next;
  }
  return (at.getTime() - first.getTime()) / 1000;
}

describe('the retry schedule', () => {
  it('starts at once, follows Standard Webhooks and lasts about a day (20 to 30 h)', () => {
    expect(RETRY_SCHEDULE_SECONDS.slice(0, 7)).toEqual([0, 5, 300, 1800, 2 * HOUR, 5 * HOUR, 7 * HOUR]);
    const total = RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0);
    expect(total).toBe(24 * HOUR + 35 * 60 + 5);
    expect(total).toBeGreaterThanOrEqual(20 * HOUR);
    expect(total).toBeLessThanOrEqual(30 * HOUR);
    expect(span(0.5)).toBe(total);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(MAX_CONSECUTIVE_FAILURES).toBe(20);
  });

  it('jitters each wait by at most ±20 %', () => {
    const total = RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0);
    expect(span(0)).toBeCloseTo(total * (1 - JITTER), 0);
    expect(span(0.999999)).toBeLessThanOrEqual(total * (1 + JITTER));
    expect(span(0)).toBeGreaterThan(19.5 * HOUR);
    expect(span(0.999999)).toBeLessThan(30 * HOUR);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const base = RETRY_SCHEDULE_SECONDS[attempt] * 1000;
      for (const r of [0, 0.25, 0.5, 0.75, 0.999]) {
        const wait = nextAttemptAt(attempt, NOW, () => r)!.getTime() - NOW.getTime();
        expect(wait).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
        expect(wait).toBeLessThanOrEqual(Math.ceil(base * 1.2));
      }
    }
    // A broken random source cannot push a wait out of bounds.
    expect(nextAttemptAt(3, NOW, () => 7)!.getTime() - NOW.getTime()).toBe(1800 * 1.2 * 1000);
    expect(nextAttemptAt(3, NOW, () => NaN)!.getTime() - NOW.getTime()).toBe(1800 * 1000);
  });

  it('makes the first attempt at once and gives up after the last one', () => {
    expect(nextAttemptAt(0, NOW, Math.random)).toEqual(NOW);
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, NOW, () => 0.5)).toEqual(new Date(NOW.getTime() + 10 * HOUR * 1000));
    expect(nextAttemptAt(MAX_ATTEMPTS, NOW, () => 0.5)).toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS + 5, NOW, () => 0.5, 60)).toBeNull();
    expect(() => nextAttemptAt(-1, NOW, Math.random)).toThrow();
    expect(() => nextAttemptAt(1.5, NOW, Math.random)).toThrow();
  });

  it('honours Retry-After as a floor, capped at 24 h, without adding attempts', () => {
    expect(nextAttemptAt(1, NOW, () => 0.5, 120)).toEqual(new Date(NOW.getTime() + 120_000));
    // Shorter than the schedule: the schedule wins.
    expect(nextAttemptAt(4, NOW, () => 0.5, 60)).toEqual(new Date(NOW.getTime() + 2 * HOUR * 1000));
    expect(nextAttemptAt(1, NOW, () => 0.5, 7 * 24 * HOUR)).toEqual(new Date(NOW.getTime() + MAX_RETRY_AFTER_SECONDS * 1000));
    expect(nextAttemptAt(1, NOW, () => 0.5, 0)).toEqual(new Date(NOW.getTime() + 5000));
    expect(nextAttemptAt(1, NOW, () => 0.5, null)).toEqual(new Date(NOW.getTime() + 5000));
  });
});

describe('classifyResponse', () => {
  it.each([
    [200, 'delivered'],
    [202, 'delivered'],
    [204, 'delivered'],
    [299, 'delivered'],
    [410, 'gone'],
    [429, 'throttled'],
    [502, 'throttled'],
    [503, 'throttled'],
    [504, 'throttled'],
    [301, 'retry'],
    [302, 'retry'],
    [307, 'retry'],
    [400, 'retry'],
    [401, 'retry'],
    [404, 'retry'],
    [500, 'retry'],
    [101, 'retry'],
    [null, 'retry'],
  ] as const)('%s → %s', (status, expected) => {
    expect(classifyResponse(status)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Fri, 20 Nov 2026 04:05:00 GMT', NOW)).toBe(300);
    expect(parseRetryAfter('Thu, 19 Nov 2026 04:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Friday, 20-Nov-26 05:00:00 GMT', NOW)).toBe(3600);
    expect(parseRetryAfter('99999999999999999999', NOW)).toBe(MAX_RETRY_AFTER_SECONDS);
  });

  it('ignores absent and invalid values', () => {
    for (const bad of [null, undefined, '', '  ', '-5', '1.5', 'soon', '2026-11-20T05:00:00Z', 'Fri, garbage']) {
      expect(parseRetryAfter(bad, NOW)).toBeNull();
    }
  });
});

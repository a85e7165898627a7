/**
 * Delivery policy of partner webhooks, after Standard Webhooks 1.0 ("Delivery"): success is a 2xx;
 * redirects are never followed (a 3xx is a failure); 410 Gone disables the endpoint; 429, 502, 503
 * and 504 mean "slow down" and a `Retry-After` is honoured; everything else is retried on a
 * schedule with jitter, then given up.
 *
 * The schedule is the Standard Webhooks one cut short to about a day: immediately, then 5 s, 5 min,
 * 30 min, 2 h, 5 h, 7 h and 10 h after the previous attempt. That is 8 attempts over 24 h 35 min 5 s
 * nominally (the full standard schedule runs 75.5 h; a partner that is down longer than a day
 * catches up from the pull feed instead). With the ±20 % jitter on each wait, the last attempt
 * falls between 19.7 h and 29.5 h after the first.
 */

/** Wait before attempt n+1, in seconds, counted from attempt n (entry 0: the first attempt, at once). */
export const RETRY_SCHEDULE_SECONDS: readonly number[] = Object.freeze([0, 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 7 * 3600, 10 * 3600]);
/** Attempts per message and endpoint before it is given up. */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length;
/** Each wait is multiplied by a random factor in [1 − JITTER, 1 + JITTER). */
export const JITTER = 0.2;
/** A `Retry-After` longer than this (24 h) is cut to it. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;
/** Time limit of one attempt (connect, send, response headers); Standard Webhooks suggests 15-30 s. */
export const ATTEMPT_TIMEOUT_MS = 15_000;
/**
 * The endpoint is disabled after this many failed deliveries in a row, across messages. A failed
 * delivery is one message given up at one endpoint (its whole schedule spent without a 2xx, i.e.
 * `nextAttemptAt` returned null); a delivered message resets the count to 0, and single failed
 * attempts do not count. So a short outage never disables an endpoint: the first message to be
 * given up has been failing for about a day. A 410 Gone disables the endpoint at once.
 */
export const MAX_CONSECUTIVE_FAILURES = 20;

export type ResponseClass = 'delivered' | 'retry' | 'gone' | 'throttled';

/**
 * When to make the next attempt, or null to give up.
 * @param attempt attempts already made for this message at this endpoint (0: none yet: now)
 * @param now the time of the attempt that just failed (or of the event, for attempt 0)
 * @param random a source of uniform numbers in [0, 1) (Math.random in production)
 * @param retryAfterSeconds the endpoint's `Retry-After` (see parseRetryAfter): the next attempt comes
 *   no sooner than that, at most 24 h later; it does not add attempts
 */
export function nextAttemptAt(attempt: number, now: Date, random: () => number, retryAfterSeconds?: number | null): Date | null {
  if (!Number.isInteger(attempt) || attempt < 0) throw new Error(`attempt must be a whole number ≥ 0, not ${attempt}`);
  if (attempt >= MAX_ATTEMPTS) return null;
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5;
  let seconds = RETRY_SCHEDULE_SECONDS[attempt] * (1 + JITTER * (2 * unit - 1));
  if (retryAfterSeconds !== undefined && retryAfterSeconds !== null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) {
    seconds = Math.max(seconds, Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
  }
  return new Date(now.getTime() + Math.round(seconds * 1000));
}

/**
 * What an attempt's outcome means. `status` is the HTTP status, or null for a network error or a
 * timeout. 2xx: delivered. 410: gone (disable the endpoint). 429, 502, 503, 504: throttled (retry,
 * honouring Retry-After). Any other status, 3xx included (redirects are never followed): retry.
 */
export function classifyResponse(status: number | null): ResponseClass {
  if (status === null || !Number.isInteger(status)) return 'retry';
  if (status >= 200 && status <= 299) return 'delivered';
  if (status === 410) return 'gone';
  if (status === 429 || status === 502 || status === 503 || status === 504) return 'throttled';
  return 'retry';
}

const DELAY_SECONDS = /^\d+$/;
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, counted from `now`, 0 when past). Null when absent or invalid.
 * The 24 h cap is applied by nextAttemptAt.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (DELAY_SECONDS.test(value)) {
    const seconds = Number(value);
    return Number.isSafeInteger(seconds) ? seconds : MAX_RETRY_AFTER_SECONDS;
  }
  if (!HTTP_DATE.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

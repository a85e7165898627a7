/**
 * The platform's deterministic PRNG (libs/runtime/src/random.ts: mulberry32 with named streams), as
 * the staffing seed uses it, and the draws it needs besides: counts (Poisson, binomial), positive
 * factors with mean 1, and ids. No Math.random: the same seed gives the same demo data on every run.
 */
import { integer, normal, stream, type Random } from '@seriktes/runtime/random';

export { integer, normal, stream, type Random };

/** exp(σ N(0, 1) − σ²/2): a positive factor with mean 1. */
export function lognormalFactor(random: Random, sigma: number): number {
  return Math.exp(sigma * normal(random) - (sigma * sigma) / 2);
}

/** A Poisson count with mean λ: Knuth's product method up to 30, the rounded normal above. */
export function poisson(random: Random, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

/** A binomial count of n trials with probability p: trial by trial up to 60, the rounded normal above. */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n > 60) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(random))));
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k += 1;
  return k;
}

/** A version-4-shaped UUID from the stream (deterministic ids for seeded rows). */
export function uuid(random: Random): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A small deterministic PRNG (mulberry32) with named streams, the generator the wave sampling uses. No Math.random: the same
 * seed gives the same demo data on every run.
 */

import { mulberry32 } from '../waves/sampling';

export type Random = () => number;

/** FNV-1a over the label, mixed with the seed and avalanched: independent streams per purpose. */
export function streamSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** A PRNG for one purpose and place (e.g. `area:AST-ESL-01:3`), independent of the others. */
export function stream(seed: number, label: string): Random {
  return mulberry32(streamSeed(seed, label));
}

/** Integer in [min, max], both inclusive. */
export function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Standard normal (Box–Muller). */
export function normal(random: Random): number {
  const u = 1 - random(); // (0, 1]: log(u) is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** True with probability p. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}

/** One of the items, by weight. */
export function weighted<T>(random: Random, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

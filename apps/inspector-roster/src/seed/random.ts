// The platform's deterministic PRNG (libs/runtime/src/random.ts), as the territory seed uses it.
export { integer, mulberry32, pick, shuffled, stream, streamSeed, symmetric, type Random } from '@seriktes/runtime/random';

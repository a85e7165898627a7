// The platform's deterministic PRNG (libs/runtime/src/random.ts), as the survey seed uses it.
export { chance, integer, logistic, normal, pick, stream, streamSeed, weighted, type Random } from '@seriktes/runtime/random';

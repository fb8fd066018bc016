/**
 * The seeded `Math.random` of a run (mulberry32): its state is a slot of the
 * run, so `run(main, { seed })` (asyncio/run.ts) can reseed the generator the
 * program's `Math` reads. Tests: tests/runtime/asyncio-run-shutdown.test.ts
 * (seed), tests/runtime/properties.test.ts (repeatable runs).
 */
import { RunSlot, type Loop } from './loop.ts';

/** One run's generator state. */
export interface RandomState {
  state: number;
}

/** The run's generator (seed 1 until a program's globals or run() seed it). */
export const RANDOM = new RunSlot<RandomState>('Math.random', () => ({ state: 1 }));

/** Restart the run's `Math.random` from `seed`. */
export function reseedRandom(loop: Loop, seed: number): void {
  loop.slot(RANDOM).state = seed >>> 0;
}

/** The next number of the generator in [0, 1). */
export function nextRandom(random: RandomState): number {
  random.state = (random.state + 0x6d2b79f5) >>> 0;
  let t = random.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

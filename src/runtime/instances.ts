/**
 * Instance numbers for wait labels ("lock#1", "nursery#2", "channel#3"): each
 * kind counts from 1 within a run, so the same program always shows the same
 * names. Shared by every layer; held by the run (a RunSlot), so no table of
 * runs is kept. Tests: tests/runtime/asyncio-labels.test.ts.
 */
import { maybeLoop, RunSlot } from './loop.ts';

const COUNTERS = new RunSlot('instance numbers', () => new Map<string, number>());

/** Objects made outside a run (at a module's top level in a test) count here. */
const outsideRun = new Map<string, number>();

/** The next instance number of `kind` within the run in progress. */
export function nextInstance(kind: string): number {
  const loop = maybeLoop();
  const map = loop === null ? outsideRun : loop.slot(COUNTERS);
  const n = (map.get(kind) ?? 0) + 1;
  map.set(kind, n);
  return n;
}

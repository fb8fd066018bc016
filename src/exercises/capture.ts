/**
 * Runner side (inside the sandbox's worker): keeps the trace events an
 * exercise is graded on, as the runtime records them, where the program
 * cannot rewrite them. Why this shape (src/exercises/README.md, "Who decides
 * a pass"): the program runs in the same realm as this code and may patch any
 * built-in (`Array.prototype.push`, a setter on `Array.prototype[0]`, a `get`
 * on `Object.prototype` that poisons property descriptors...). So the
 * functions used here are taken when this module loads, before any program
 * exists, and elements are written with null-prototype descriptors, which no
 * patched prototype can intercept. The structured clone that carries the
 * array to the page reads own properties only.
 * Test: tests/exercises/capture.test.ts (a program patching built-ins).
 */
import type { TraceEvent } from '../runtime/trace.ts';

const define = Object.defineProperty;
const freeze = Object.freeze;

/** The kinds facts.ts reads (the rest - run, ready, wait... - would only make the record bigger). */
function kept(kind: string): boolean {
  return kind === 'spawn' || kind === 'done' || kind === 'log' || kind === 'block' || kind === 'queue' || kind === 'deadlock' || kind === 'error' || kind === 'stop';
}

/** A record being filled: `listen` is a trace listener; `events` the array to send. */
export interface Capture {
  listen(event: TraceEvent): void;
  readonly events: TraceEvent[];
  /** How many events the listener saw, of every kind: fewer than the recorder holds means a program kept listeners from hearing some. */
  seen(): number;
}

/** Starts a capture (call before the program runs; the listener then only uses what was taken at load). */
export function startCapture(): Capture {
  const events: TraceEvent[] = [];
  let n = 0;
  let seen = 0;
  return freeze({
    listen(event: TraceEvent) {
      seen++;
      if (!kept(event.kind)) return;
      define(events, n, { __proto__: null, value: event, writable: false, enumerable: true, configurable: false } as PropertyDescriptor);
      n++;
    },
    events,
    seen: () => seen,
  });
}

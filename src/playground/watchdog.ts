/**
 * The real-time guard of one run. A program that never hands control back to
 * the loop (`while (true) {}`) can only be ended from outside its worker, so
 * the page stops a run that has been silent for `quietMs`. A run whose loop
 * keeps turning says so (the runner posts a heartbeat at least every
 * HEARTBEAT_MS while it works, src/playground/runner-worker.ts) and is left
 * to the runtime's own budgets - steps, output, virtual time - which end it
 * the same way on a fast machine and on a saturated one; `totalMs` caps it
 * in all. Tests: tests/playground/watchdog.test.ts; in the browser,
 * tests/browser/playground-hostile.test.ts.
 */

/** Real time without a word from the run after which it is stopped, in ms. */
export const QUIET_BUDGET_MS = 5000;
/** Real time after which a run is stopped however it is doing, in ms. */
export const TOTAL_BUDGET_MS = 60_000;
/** How often the runner posts while its loop turns (well inside QUIET_BUDGET_MS). */
export const HEARTBEAT_MS = 250;

/** Why the watchdog stopped a run: silent for the quiet budget, or over the total one. */
export type WatchdogReason = 'quiet' | 'total';

export interface WatchdogTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Calls `onExpire` once, when the run was silent for `quietMs` or ran for `totalMs`; `heard()` re-arms the quiet part. */
export class Watchdog {
  readonly #onExpire: (reason: WatchdogReason) => void;
  readonly #quietMs: number;
  readonly #timers: WatchdogTimers;
  #quiet: unknown;
  #total: unknown;
  #ended = false;

  constructor(
    onExpire: (reason: WatchdogReason) => void,
    { quietMs = QUIET_BUDGET_MS, totalMs = TOTAL_BUDGET_MS, timers = globalThis as WatchdogTimers }: { quietMs?: number; totalMs?: number; timers?: WatchdogTimers } = {},
  ) {
    this.#onExpire = onExpire;
    this.#quietMs = quietMs;
    this.#timers = timers;
    this.#quiet = timers.setTimeout(() => this.#expire('quiet'), quietMs);
    this.#total = timers.setTimeout(() => this.#expire('total'), totalMs);
  }

  /** The run spoke (lines, a heartbeat, its start): the quiet budget starts again. */
  heard(): void {
    if (this.#ended) return;
    this.#timers.clearTimeout(this.#quiet);
    this.#quiet = this.#timers.setTimeout(() => this.#expire('quiet'), this.#quietMs);
  }

  /** The run ended some other way: never call onExpire. */
  cancel(): void {
    this.#ended = true;
    this.#timers.clearTimeout(this.#quiet);
    this.#timers.clearTimeout(this.#total);
  }

  #expire(reason: WatchdogReason): void {
    if (this.#ended) return;
    this.cancel();
    this.#onExpire(reason);
  }
}

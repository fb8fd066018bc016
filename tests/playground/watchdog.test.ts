// The playground's real-time guard (src/playground/watchdog.ts), on fake timers: a silent run is
// stopped after the quiet budget, a run that keeps speaking is not, and nothing outlives the total.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Watchdog, type WatchdogReason } from '../../src/playground/watchdog.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function watch(): { reasons: WatchdogReason[]; dog: Watchdog } {
  const reasons: WatchdogReason[] = [];
  const dog = new Watchdog((r) => reasons.push(r), { quietMs: 5000, totalMs: 60_000 });
  return { reasons, dog };
}

describe('Watchdog', () => {
  test('a run that says nothing is stopped once, at the quiet budget', () => {
    const { reasons } = watch();
    vi.advanceTimersByTime(4999);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reasons).toEqual(['quiet']);
    vi.advanceTimersByTime(120_000);
    expect(reasons).toEqual(['quiet']);
  });

  test('a heartbeat starts the quiet budget again; a run that keeps speaking goes on until the total', () => {
    const { reasons, dog } = watch();
    for (let t = 0; t < 59_750; t += 250) {
      vi.advanceTimersByTime(250);
      dog.heard();
    }
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(reasons).toEqual(['total']);
    dog.heard();
    vi.advanceTimersByTime(10_000);
    expect(reasons).toEqual(['total']);
  });

  test('silence after speaking is measured from the last word', () => {
    const { reasons, dog } = watch();
    vi.advanceTimersByTime(4000);
    dog.heard();
    vi.advanceTimersByTime(4999);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reasons).toEqual(['quiet']);
  });

  test('cancel: a run that ended is never stopped', () => {
    const { reasons, dog } = watch();
    dog.cancel();
    vi.advanceTimersByTime(120_000);
    expect(reasons).toEqual([]);
  });
});

/** The compiler warm-up: spaced transforms that never run while a reader's compile is in flight. */
import { describe, expect, it } from 'vitest';
import { WARM_UP_PROGRAM, warmUp } from '../../src/playground/compiler-warmup.ts';
import { runSource } from '../runtime/run-source.ts';

/** A manual clock: timers fire only when the test advances it. */
function manualTimers() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  return {
    setTimer: (fn: () => void, ms: number) => void timers.push({ at: now + ms, fn }),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        now = next.at;
        next.fn();
        await new Promise((r) => setTimeout(r, 0)); // let the transform's promise settle
      }
      now = until;
    },
  };
}

describe('compiler warm-up', () => {
  it('runs the given number of transforms, one per gap', async () => {
    const clock = manualTimers();
    const calls: number[] = [];
    const done = warmUp(async (i) => void calls.push(i), { transforms: 3, gapMs: 100, isBusy: () => false, setTimer: clock.setTimer });
    await clock.advance(99);
    expect(calls).toEqual([]);
    await clock.advance(1);
    expect(calls).toEqual([0]);
    await clock.advance(200);
    expect(calls).toEqual([0, 1, 2]);
    await clock.advance(100);
    await done;
  });

  it('waits while a reader compiles', async () => {
    const clock = manualTimers();
    const calls: number[] = [];
    let busy = true;
    void warmUp(async (i) => void calls.push(i), { transforms: 2, gapMs: 100, isBusy: () => busy, setTimer: clock.setTimer });
    await clock.advance(1000);
    expect(calls).toEqual([]);
    busy = false;
    await clock.advance(100);
    expect(calls).toEqual([0]);
  });

  it('stops quietly when a transform fails', async () => {
    const clock = manualTimers();
    let calls = 0;
    const done = warmUp(
      async () => {
        calls++;
        throw new Error('esbuild went away');
      },
      { transforms: 5, gapMs: 10, isBusy: () => false, setTimer: clock.setTimer },
    );
    await clock.advance(100);
    await done;
    expect(calls).toBe(1);
  });

  it('its program is a real program: it compiles and runs on the loop', async () => {
    const result = await runSource(WARM_UP_PROGRAM);
    expect(result.problems).toEqual([]);
    const lines = result.lines.map((l) => l.text);
    expect(lines.slice(0, 3)).toEqual(['tick 0', 'tick 1', 'tick 2']);
    // Every one of the nine jobs was done by some worker.
    const counts = lines[3]!.split(' ').map((part) => Number(part.split(':')[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9);
  });
});

/**
 * A future's done-callbacks (src/runtime/future.ts), as asyncio.Future keeps them: they run in the
 * order they were added, each on a loop turn of its own, and removeDoneCallback removes every
 * registration of a function and says how many. The first callback lives in the future's fields
 * and a second moves them all into a list: every case here crosses that line.
 */
import { describe, expect, it } from 'vitest';
import { Future } from '../../src/runtime/future.ts';
import { Loop } from '../../src/runtime/loop.ts';

/** Run `body` on a fresh loop, then the loop until idle; what the callbacks logged. */
function run(body: (log: string[]) => void): string[] {
  const log: string[] = [];
  const loop = new Loop();
  loop.withActive(() => body(log));
  loop.runUntilIdle();
  return log;
}

describe('Future done-callbacks', () => {
  it('run in the order they were added: one, two, many', () => {
    for (const n of [1, 2, 5]) {
      const log = run((log) => {
        const future = new Future<string>();
        for (let i = 0; i < n; i++) future.addDoneCallback((f) => log.push(`${i} ${f.result()}`));
        future.setResult('x');
      });
      expect(log).toEqual(Array.from({ length: n }, (_, i) => `${i} x`));
    }
  });

  it('removeDoneCallback removes every registration of the function and counts them', () => {
    const log = run((log) => {
      const future = new Future<number>();
      const a = (): number => log.push('a');
      const b = (): number => log.push('b');
      const c = (): number => log.push('c');
      expect(future.removeDoneCallback(a)).toBe(0);
      future.addDoneCallback(a);
      expect(future.removeDoneCallback(b)).toBe(0);
      expect(future.removeDoneCallback(a)).toBe(1);
      future.addDoneCallback(a);
      future.addDoneCallback(b);
      future.addDoneCallback(a);
      future.addDoneCallback(c);
      expect(future.removeDoneCallback(a)).toBe(2);
      // Added after a removal: still after those already there.
      future.addDoneCallback(a);
      future.setResult(1);
    });
    expect(log).toEqual(['b', 'c', 'a']);
  });

  it('a list emptied by removals takes callbacks again; none run twice', () => {
    const log = run((log) => {
      const future = new Future<number>();
      const a = (): number => log.push('a');
      const b = (): number => log.push('b');
      future.addDoneCallback(a);
      future.addDoneCallback(b);
      expect(future.removeDoneCallback(a) + future.removeDoneCallback(b)).toBe(2);
      future.addDoneCallback(b);
      future.setResult(1);
      // Added once done: scheduled at once, after those the result scheduled.
      future.addDoneCallback(a);
    });
    expect(log).toEqual(['b', 'a']);
  });

  it('each callback runs on its own turn, interleaved with other work as asyncio interleaves it', () => {
    const log = run((log) => {
      const loop = (new Future() as Future<unknown>).loop;
      const future = new Future<string>();
      future.addDoneCallback(() => {
        log.push('first');
        loop.callSoon(() => log.push('soon, from first'));
      });
      future.addDoneCallback(() => log.push('second'));
      loop.callSoon(() => log.push('soon, before the result'));
      future.setResult('x');
    });
    expect(log).toEqual(['soon, before the result', 'first', 'second', 'soon, from first']);
  });
});

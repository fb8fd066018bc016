/** The timer queue pops in (when, seq) order whatever the mix of pushes and pops. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap } from '../../src/runtime/timer-heap.ts';

type Entry = { when: number; seq: number };

describe('TimerHeap', () => {
  it('pops in (when, seq) order, interleaved with pushes, with many equal instants', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }).map((when) => ({ push: when })), fc.constant({ pop: true })), { maxLength: 300 }),
        (ops) => {
          const heap = new TimerHeap<Entry>();
          const model: Entry[] = [];
          let seq = 0;
          for (const op of ops) {
            if ('push' in op) {
              const entry = { when: op.push, seq: seq++ };
              heap.push(entry);
              model.push(entry);
              model.sort((a, b) => a.when - b.when || a.seq - b.seq);
            } else {
              expect(heap.peek()).toBe(model[0]);
              expect(heap.pop()).toBe(model.shift());
            }
            expect(heap.size).toBe(model.length);
          }
          while (model.length) expect(heap.pop()).toBe(model.shift());
          expect(heap.pop()).toBeUndefined();
          expect(heap.peek()).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles fractional and far-apart instants', () => {
    const heap = new TimerHeap<Entry>();
    const whens = [5.5, 0.25, 1e9, 5.5, 0, 3, 0.25];
    whens.forEach((when, seq) => heap.push({ when, seq }));
    const out: string[] = [];
    for (let e = heap.pop(); e; e = heap.pop()) out.push(`${e.when}/${e.seq}`);
    expect(out).toEqual(['0/4', '0.25/1', '0.25/6', '3/5', '5.5/0', '5.5/3', '1000000000/2']);
  });
});

// Output capping and batching: a run keeps LINE_CAP lines and counts the
// rest; lines go out one by one at first (nothing printed before a hang is
// lost), then in batches by size or by time.
import { describe, expect, test } from 'vitest';
import { Batcher, CappedList, LINE_CAP } from '../../src/playground/output.ts';

describe('CappedList', () => {
  test('keeps the first `cap` items and counts the rest', () => {
    const list = new CappedList<number>(5);
    expect(list.push([1, 2, 3])).toEqual([1, 2, 3]);
    expect(list.push([4, 5, 6, 7])).toEqual([4, 5]);
    expect(list.push([8])).toEqual([]);
    expect(list.items).toEqual([1, 2, 3, 4, 5]);
    expect(list.dropped).toBe(3);
    expect(list.total).toBe(8);
  });
  test('the console keeps 2,000 lines of a run', () => {
    expect(LINE_CAP).toBe(2000);
    const list = new CappedList<number>();
    list.push(Array.from({ length: 10_000 }, (_, i) => i));
    expect(list.items.length).toBe(2000);
    expect(list.dropped).toBe(8000);
  });
});

describe('Batcher', () => {
  function setup(options: { maxItems?: number; maxMs?: number; eager?: number }) {
    let clock = 0;
    const sent: number[][] = [];
    const batcher = new Batcher<number>((b) => sent.push(b), { ...options, now: () => clock });
    return { batcher, sent, advance: (ms: number) => (clock += ms) };
  }
  test('the first `eager` items go out one by one', () => {
    const { batcher, sent } = setup({ eager: 2, maxItems: 100, maxMs: 30 });
    batcher.add(1);
    batcher.add(2);
    batcher.add(3);
    expect(sent).toEqual([[1], [2]]);
    batcher.flush();
    expect(sent).toEqual([[1], [2], [3]]);
  });
  test('then a batch goes when full', () => {
    const { batcher, sent } = setup({ maxItems: 3, maxMs: 1000 });
    for (let i = 1; i <= 7; i++) batcher.add(i);
    expect(sent).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
  test('or when it waited maxMs (on add or on tick)', () => {
    const { batcher, sent, advance } = setup({ maxItems: 100, maxMs: 30 });
    batcher.add(1);
    advance(10);
    batcher.tick();
    expect(sent).toEqual([]);
    advance(25);
    batcher.tick();
    expect(sent).toEqual([[1]]);
    batcher.add(2);
    advance(30);
    batcher.add(3);
    expect(sent).toEqual([[1], [2, 3]]);
  });
  test('a flood of 10,000 items costs few messages', () => {
    const { batcher, sent } = setup({ eager: 100, maxItems: 500, maxMs: 30 });
    for (let i = 0; i < 10_000; i++) batcher.add(i);
    batcher.flush();
    expect(sent.flat().length).toBe(10_000);
    expect(sent.length).toBe(100 + Math.ceil(9_900 / 500));
  });
});

describe('Tail (the last lines of a run that printed too many)', () => {
  test('keeps the last `size` items in order', async () => {
    const { Tail } = await import('../../src/playground/output.ts');
    const tail = new Tail<number>(3);
    expect(tail.items()).toEqual([]);
    for (let i = 0; i < 2; i++) tail.add(i);
    expect(tail.items()).toEqual([0, 1]);
    for (let i = 2; i < 10; i++) tail.add(i);
    expect(tail.items()).toEqual([7, 8, 9]);
  });
});

describe('roundedMs (console times)', () => {
  test('whole ms from 100 on, three significant digits below, integers as they are', async () => {
    const { roundedMs } = await import('../../src/playground/console-view.ts');
    expect(roundedMs(580.013)).toBe('580');
    expect(roundedMs(300)).toBe('300');
    expect(roundedMs(0)).toBe('0');
    expect(roundedMs(12.3456)).toBe('12.3');
    expect(roundedMs(0.0123456)).toBe('0.0123');
  });
});

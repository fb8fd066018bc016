/** Progress marks in localStorage: one key per exercise, shared by both languages; a refusing storage never throws. */
import { describe, expect, it } from 'vitest';
import { isSolved, markSolved, progressKey, solvedOn } from '../../src/exercises/client/progress.ts';
import type { KeyValueStore } from '../../src/playground/storage.ts';

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('progress', () => {
  it('marks, reads and counts per page', () => {
    const store = memory();
    expect(isSolved(store, 'event-loop/a')).toBe(false);
    markSolved(store, 'event-loop/a');
    markSolved(store, 'event-loop/b');
    markSolved(store, 'event-loop-extra/c');
    store.setItem('miniloop-playground:en/event-loop|x|1', 'code');
    expect(store.map.get(progressKey('event-loop/a'))).toBe('solved');
    expect(isSolved(store, 'event-loop/a')).toBe(true);
    expect(solvedOn(store, 'event-loop')).toBe(2);
    expect(solvedOn(store, 'trio')).toBe(0);
  });

  it('a storage that throws (private mode, quota) or is missing is no error', () => {
    const broken: KeyValueStore = { length: 1, key: () => { throw new Error('denied'); }, getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    expect(() => markSolved(broken, 'p/a')).not.toThrow();
    expect(isSolved(broken, 'p/a')).toBe(false);
    expect(solvedOn(broken, 'p')).toBe(0);
    expect(isSolved(undefined, 'p/a')).toBe(false);
  });
});

// Saved edits: keys by page, example and the original's hash; stale edits are
// offered, not applied; Reset forgets every version; other playgrounds' keys
// are never touched.
import { describe, expect, test, vi } from 'vitest';
import { debounce, forget, hashText, playgroundPrefix, restore, save, storageKey, type KeyValueStore } from '../../src/playground/storage.ts';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
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

describe('storage keys', () => {
  test('hashText is stable, 8 hex digits, and tells versions apart', () => {
    expect(hashText('')).toBe('811c9dc5'); // FNV-1a offset basis
    expect(hashText('a')).toBe('e40c292c'); // published FNV-1a 32 test vector
    expect(hashText('hello')).toMatch(/^[0-9a-f]{8}$/);
    expect(hashText('hello')).not.toBe(hashText('hello '));
  });
  test('a key names page, example and original', () => {
    expect(storageKey('en/introduction', 'introduction/hello', 'a')).toBe('miniloop-playground:en/introduction|introduction/hello|e40c292c');
    expect(storageKey('zh/introduction', 'introduction/hello', 'a')).not.toBe(storageKey('en/introduction', 'introduction/hello', 'a'));
    expect(storageKey('en/introduction', 'introduction/hello', 'a').startsWith(playgroundPrefix('en/introduction', 'introduction/hello'))).toBe(true);
  });
});

describe('restore, save, forget', () => {
  test('nothing saved: the original', () => {
    expect(restore(memoryStore(), 'p', 'e', 'orig')).toEqual({ kind: 'original' });
  });
  test('an edit comes back; saving the original text forgets it', () => {
    const store = memoryStore();
    save(store, 'p', 'e', 'orig', 'mine');
    expect(restore(store, 'p', 'e', 'orig')).toEqual({ kind: 'edited', code: 'mine' });
    save(store, 'p', 'e', 'orig', 'orig');
    expect(store.map.size).toBe(0);
    expect(restore(store, 'p', 'e', 'orig')).toEqual({ kind: 'original' });
  });
  test('an edit of an older original is offered as stale', () => {
    const store = memoryStore();
    save(store, 'p', 'e', 'old original', 'my edit');
    const found = restore(store, 'p', 'e', 'new original');
    expect(found).toEqual({ kind: 'stale', code: 'my edit', key: storageKey('p', 'e', 'old original') });
  });
  test("other playgrounds' edits are not mixed up", () => {
    const store = memoryStore();
    save(store, 'p', 'e1', 'o', 'edit 1');
    save(store, 'p', 'e10', 'o', 'edit 10'); // a prefix of e10 is e1: the separator keeps them apart
    save(store, 'q', 'e1', 'o', 'other page');
    expect(restore(store, 'p', 'e1', 'o')).toEqual({ kind: 'edited', code: 'edit 1' });
    forget(store, 'p', 'e1');
    expect([...store.map.values()].sort()).toEqual(['edit 10', 'other page']);
  });
  test('storage that throws (quota, privacy mode) is survived', () => {
    const broken: KeyValueStore = {
      length: 1,
      key: () => {
        throw new Error('denied');
      },
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(restore(broken, 'p', 'e', 'o')).toEqual({ kind: 'original' });
    expect(() => save(broken, 'p', 'e', 'o', 'x')).not.toThrow();
    expect(() => forget(broken, 'p', 'e')).not.toThrow();
  });
});

describe('debounce', () => {
  test('one call per window, with the latest arguments; flush runs it now', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const d = debounce((v: string) => calls.push(v), 250);
    d('a');
    d('b');
    vi.advanceTimersByTime(249);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['b']);
    d('c');
    d.flush();
    expect(calls).toEqual(['b', 'c']);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['b', 'c']);
    vi.useRealTimers();
  });

  test('cancel drops the pending call (Reset: a late save must not write the replaced text back)', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const d = debounce((v: string) => calls.push(v), 250);
    d('old edit');
    d.cancel();
    vi.advanceTimersByTime(1000);
    d.flush();
    expect(calls).toEqual([]);
    d('next');
    vi.advanceTimersByTime(250);
    expect(calls).toEqual(['next']);
    vi.useRealTimers();
  });
});

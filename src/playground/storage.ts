/**
 * Saved edits, in the page's localStorage (never the sandbox's: the sandbox has
 * an opaque origin and no storage at all). One entry per playground, keyed by
 * page, example and a hash of the original code, so an entry written for an
 * older version of an example is found and offered, not silently applied
 * (tests/playground/storage.test.ts).
 */

const PREFIX = 'miniloop-playground:';

/** FNV-1a 32-bit hash as 8 hex digits: short, stable, enough to tell versions apart. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The key prefix of one playground on one page (any version of its original). */
export function playgroundPrefix(page: string, example: string): string {
  return `${PREFIX}${page}|${example}|`;
}

/** The storage key of one playground: page, example and the original code's hash. */
export function storageKey(page: string, example: string, original: string): string {
  return playgroundPrefix(page, example) + hashText(original);
}

/** What a playground should show when it loads. */
export type Restored =
  | { kind: 'original' }
  | { kind: 'edited'; code: string }
  /** Edits saved against an older original: offer both. */
  | { kind: 'stale'; code: string; key: string };

/** Minimal Storage interface (localStorage, or a Map-backed fake in tests). */
export interface KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Finds the saved edit of a playground. */
export function restore(store: KeyValueStore, page: string, example: string, original: string): Restored {
  const key = storageKey(page, example, original);
  const code = safe(() => store.getItem(key));
  if (code != null && code !== original) return { kind: 'edited', code };
  const prefix = playgroundPrefix(page, example);
  for (let i = 0; i < store.length; i++) {
    const other = safe(() => store.key(i));
    if (other && other !== key && other.startsWith(prefix)) {
      const stale = safe(() => store.getItem(other));
      if (stale != null) return { kind: 'stale', code: stale, key: other };
    }
  }
  return { kind: 'original' };
}

/** Saves `code` (or forgets the edit when it equals the original). */
export function save(store: KeyValueStore, page: string, example: string, original: string, code: string): void {
  const key = storageKey(page, example, original);
  safe(() => (code === original ? store.removeItem(key) : store.setItem(key, code)));
}

/** Forgets every saved version of a playground (Reset). */
export function forget(store: KeyValueStore, page: string, example: string): void {
  const prefix = playgroundPrefix(page, example);
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = safe(() => store.key(i));
    if (k?.startsWith(prefix)) keys.push(k);
  }
  for (const k of keys) safe(() => store.removeItem(k));
}

/** Storage can throw (quota, disabled cookies); a playground still works without it. */
function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Calls `fn` at most once per `ms`, with the latest arguments (a save on every edit, debounced). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = () => {
    timer = undefined;
    if (pending) {
      const args = pending;
      pending = undefined;
      fn(...args);
    }
  };
  const debounced = (...args: A) => {
    pending = args;
    if (timer === undefined) timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  // Drops a pending call: after Reset, a save of the text it replaced must not write it back (tests/playground/storage.test.ts).
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return debounced;
}

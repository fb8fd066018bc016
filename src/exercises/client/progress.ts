/**
 * Which exercises the reader solved, in the page's localStorage only (nothing
 * is sent anywhere): one key per exercise, `miniloop-exercise:<page>/<id>`,
 * the same in both languages (solving in English counts on the Chinese page).
 * Tests: tests/exercises/progress.test.ts, tests/browser/exercises.test.ts (reload).
 */
import type { KeyValueStore } from '../../playground/storage.ts';

const PREFIX = 'miniloop-exercise:';

/** The storage key of exercise `key` ('<page>/<id>'). */
export function progressKey(key: string): string {
  return PREFIX + key;
}

/** Whether exercise `key` was solved (false when storage is unavailable). */
export function isSolved(store: KeyValueStore | undefined, key: string): boolean {
  try {
    return store?.getItem(progressKey(key)) === 'solved';
  } catch {
    return false;
  }
}

/** Remembers that exercise `key` was solved (silently does nothing when storage refuses). */
export function markSolved(store: KeyValueStore | undefined, key: string): void {
  try {
    store?.setItem(progressKey(key), 'solved');
  } catch {
    // Private mode or a full quota: the mark stays for this visit only.
  }
}

/** How many exercises of `page` the reader solved (any page: the sidebar's marks). */
export function solvedOn(store: KeyValueStore | undefined, page: string): number {
  let n = 0;
  try {
    if (!store) return 0;
    for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(`${PREFIX}${page}/`) && store.getItem(store.key(i)!) === 'solved') n++;
  } catch {
    return n;
  }
  return n;
}

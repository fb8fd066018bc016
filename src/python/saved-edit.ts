/**
 * The reader's Python edit, kept in the page's localStorage the way the
 * TypeScript playground keeps its edits (src/playground/storage.ts: the same
 * functions and key scheme, with `python:<file>` in place of the example), so
 * it survives a reload; Reset forgets it. An edit made against an older
 * version of the twin is still shown (`stale`), with a note.
 * tests/browser/python-edits.test.ts holds it.
 */
import { debounce, forget, restore, save, type KeyValueStore, type Restored } from '../playground/storage.ts';

/** The storage name of a twin's edit (beside the TypeScript playground's `<page>|<example>|...`). */
export const editName = (file: string): string => `python:${file}`;

/** The page's localStorage, or undefined where it is refused (the twin still works, without keeping edits). */
export function pageStore(): KeyValueStore | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

/** Whether the twin has a saved edit (the loader mounts such a twin at once, to show it). */
export function hasSavedEdit(page: string, file: string, original: string): boolean {
  const store = pageStore();
  return store !== undefined && restore(store, page, editName(file), original).kind !== 'original';
}

export interface SavedEdit {
  /** What to show on mount: the example, or the reader's edit. */
  readonly restored: Restored;
  /** Saves `code` (debounced 250 ms, as the playground; the example itself is not kept). */
  save(code: string): void;
  /** Writes a pending save now (page hidden, a run). */
  flush(): void;
  /** Forgets every saved version and drops a pending save (Reset). */
  forget(): void;
}

/** The saved edit of the twin `file` on `page`, whose example is `original`. */
export function savedEdit(page: string, file: string, original: string): SavedEdit {
  const store = pageStore();
  const name = editName(file);
  const restored: Restored = store ? restore(store, page, name, original) : { kind: 'original' };
  const persist = debounce((code: string) => store && save(store, page, name, original, code), 250);
  addEventListener('pagehide', () => persist.flush());
  document.addEventListener('visibilitychange', () => persist.flush());
  return {
    restored,
    save: persist,
    flush: () => persist.flush(),
    forget() {
      persist.cancel();
      if (store) forget(store, page, name);
    },
  };
}

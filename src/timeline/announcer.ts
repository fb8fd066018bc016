/**
 * The live region: it says the latest thing only. A range announcement is held
 * back 250 ms (zooming and panning fire many), and anything said meanwhile
 * (the playhead) cancels it, so a stale "Showing ..." never replaces a newer
 * message. Test: "a range announcement still pending ..." in
 * tests/browser/timeline.test.ts.
 */

/** What the view says to screen readers. */
export interface Announcer {
  /** Say `text` now (cancels a pending announcement). */
  say(text: string): void;
  /** Say `text()` once things settle; a later call or say() replaces it. */
  sayLater(text: () => string): void;
  dispose(): void;
}

/** Held-back announcements wait this long (ms) for the next change. */
const SETTLE_MS = 250;

/** An announcer writing into the polite live region `live`. */
export function announcer(live: HTMLElement): Announcer {
  const win = live.ownerDocument.defaultView ?? window;
  let timer = 0;
  return {
    say(text) {
      win.clearTimeout(timer);
      live.textContent = text;
    },
    sayLater(text) {
      win.clearTimeout(timer);
      timer = win.setTimeout(() => {
        live.textContent = text();
      }, SETTLE_MS);
    },
    dispose() {
      win.clearTimeout(timer);
    },
  };
}

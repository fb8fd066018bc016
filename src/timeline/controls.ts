/**
 * What the pointer and keyboard handlers (pointer.ts, keyboard.ts) may do to
 * the view; mount.ts implements it. Each move ends in one of these calls, so
 * redrawing, announcing and publishing the state stay in one place.
 */
import type { ScrubPosition } from './describe.ts';
import type { Viewport } from './viewport.ts';

/** The view as the input handlers see it. */
export interface Controls {
  /** The visible part of the run (read it, move it, then call rangeChanged / scrolled). */
  readonly view: Viewport;
  /** After a change of the visible range: publish it, announce it when things settle, redraw. */
  rangeChanged(): void;
  /** After a vertical scroll of the lanes: redraw and say which lanes are in view. */
  scrolled(): void;
  /** Show what is under canvas point (x, y) (tooltip, onHover). */
  hoverAt(x: number, y: number): void;
  /** Nothing is under the pointer any more. */
  clearHover(): void;
  /** The playhead, if any. */
  playhead(): ScrubPosition | null;
  /** Put the playhead somewhere (announced, onScrub) or remove it. */
  setPlayhead(pos: ScrubPosition | null): void;
}

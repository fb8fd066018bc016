/**
 * Every `data-*` hook of the view in one place. The container publishes what
 * it shows (`data-lanes`, `data-view`, `data-from`, ...) for the browser tests,
 * the benchmark and the playground; toolbar buttons carry `data-view` and
 * `data-action`. Rename a hook here and the tests that read it
 * (tests/browser/timeline.test.ts) are the ones to update.
 */

/** What the container publishes, by dataset key (data-lanes, data-highlight-seq, ...). */
export interface PublishedState {
  lanes: number;
  rows: number;
  spans: number;
  marks: number;
  threads: number;
  stalls: number;
  /** The current view: 'time' | 'steps' | 'microtasks'. */
  view: string;
  /** The visible range on the current axis. */
  from: number;
  to: number;
  /** Width of the lane-name column, px. */
  labelWidth: number;
  /** Where the lanes are scrolled: first visible row (1-based) and the last one. */
  firstRow: number;
  lastRow: number;
  highlightSeq: number;
  playheadSeq: number;
  playheadT: number;
  /** What the last draw cost and painted. */
  drawMs: string;
  drawnRects: number;
}

/** Publish a fact on the container, or remove it (null). */
export function publish<K extends keyof PublishedState>(container: HTMLElement, key: K, value: PublishedState[K] | null): void {
  if (value === null) delete container.dataset[key];
  else container.dataset[key] = String(value);
}

/** `data-view` of the view buttons (its value is the view mode). */
export const VIEW_HOOK = 'view';

/** `data-action` of the zoom buttons: the dataset key, and its value by action. */
export const ACTION_HOOK_KEY = 'action';
export const ACTION_HOOK = { zoomOut: 'zoom-out', zoomIn: 'zoom-in', fit: 'fit' } as const;

/** `data-kind` of the tooltip: what it describes ('span', 'mark', 'stall', 'thread', 'loop' or 'label'). */
export const TOOLTIP_KIND_HOOK = 'kind';

/** The site's theme, read (not written) on <html>: `data-theme` ('light' | 'dark'). */
export const THEME_HOOK = 'theme';

/**
 * Where things are on the canvas: the label column on the left, the axis strip
 * on top (also the scrub area), then one fixed-height row per lane; and hit
 * testing (which span, mark, thread job, macrotask or stall is under a point).
 * Hit testing binary-searches the row's sorted spans, so it costs O(log n) per
 * pointer move even with 10,000 spans.
 * Pure functions (CSS pixels). Tests: tests/timeline/geometry.test.ts.
 */
import type { LoopSpan, Mark, Span, Stall, TaskLane, ThreadLane, ThreadSpan } from '../trace/spans.ts';
import { endOn, firstEndingAtOrAfter, firstMarkAtOrAfter, markOn, startOn, type Axis, type Placed, type Row } from './model.ts';
import { fromPx, toPx, type Range } from './scale.ts';

/** Running spans are zero-length in virtual ms: they get at least this width on the time axis. */
export const MIN_RUNNING_PX = 3;
/** Any other span or job gets at least this width, so nothing vanishes. */
export const MIN_SPAN_PX = 1;
/** How close (px) the pointer must be to a mark to hit it. */
export const MARK_HIT_PX = 5;

/** The canvas layout in CSS pixels. */
export interface Geometry {
  width: number;
  height: number;
  labelWidth: number;
  /** Height of the axis strip on top (ticks, stall labels, playhead handle). */
  headerHeight: number;
  rowHeight: number;
  /** Vertical scroll of the rows, px. */
  scrollY: number;
  range: Range;
  axis: Axis;
}

/** Space kept free right of the end of the run, so marks at the very end stay whole. */
export const PAD_RIGHT = 10;

/** Width of the plot area (right of the labels, minus PAD_RIGHT). */
export function plotWidth(g: Geometry): number {
  return Math.max(1, g.width - g.labelWidth - PAD_RIGHT);
}

/** Canvas x of a domain value. */
export function xOf(g: Geometry, v: number): number {
  return g.labelWidth + toPx(v, g.range, plotWidth(g));
}

/** Domain value at canvas x. */
export function valueAt(g: Geometry, x: number): number {
  return fromPx(x - g.labelWidth, g.range, plotWidth(g));
}

/** Top y of row i. */
export function rowTop(g: Geometry, i: number): number {
  return g.headerHeight + i * g.rowHeight - g.scrollY;
}

/** Row index at canvas y (may be out of range; -1 above the rows). */
export function rowAt(g: Geometry, y: number): number {
  if (y < g.headerHeight) return -1;
  return Math.floor((y - g.headerHeight + g.scrollY) / g.rowHeight);
}

/** Rows that fit in the plot height. */
export function visibleRowCount(g: Geometry): number {
  return Math.max(1, Math.floor((g.height - g.headerHeight) / g.rowHeight));
}

/** Largest scrollY for `rows` rows. */
export function maxScroll(g: Geometry, rows: number): number {
  return Math.max(0, g.headerHeight + rows * g.rowHeight - g.height);
}

/** Pixel extent [x0, x1) of an item on the current axis, widened to the minimum width. */
export function itemPx(g: Geometry, item: Placed, minPx: number): [number, number] {
  const x0 = xOf(g, startOn(item, g.axis));
  const x1 = xOf(g, endOn(item, g.axis));
  return [x0, Math.max(x1, x0 + minPx)];
}

/** The minimum width of a task span in px on this axis. */
export function minWidthOf(span: Span, axis: Axis): number {
  return span.state === 'running' && axis === 'time' ? MIN_RUNNING_PX : MIN_SPAN_PX;
}

/** What is under the pointer. */
export type Hit =
  | { type: 'span'; row: number; lane: TaskLane; span: Span }
  | { type: 'mark'; row: number; lane: TaskLane | null; mark: Mark }
  | { type: 'thread'; row: number; lane: ThreadLane; span: ThreadSpan }
  | { type: 'loop'; row: number; span: LoopSpan; part: 'macrotask' | 'checkpoint' }
  | { type: 'stall'; stall: Stall };

/** What the rows of a view hold: the rows plus the timeline's loop-wide items. */
export interface Scene {
  rows: readonly Row[];
  stalls: readonly Stall[];
  /** Console lines of the loop itself, drawn on the loop row. */
  loopMarks: readonly Mark[];
  /** Macrotasks, drawn on the loop row. */
  loop: readonly LoopSpan[];
}

/** The item under canvas point (x, y), or null. Marks win over spans; running spans over others at the same pixel. */
export function hitTest(scene: Scene, g: Geometry, x: number, y: number): Hit | null {
  const { rows, stalls, loopMarks } = scene;
  if (x < g.labelWidth) return null;
  const stallHit = (): Hit | null => {
    for (const stall of stalls) {
      const [x0, x1] = itemPx(g, stall, MIN_RUNNING_PX);
      if (x >= x0 && x < x1) return { type: 'stall', stall };
    }
    return null;
  };
  const r = rowAt(g, y);
  if (r < 0) return stallHit();
  const row = rows[r];
  if (!row) return stallHit();
  if (row.kind === 'task' || row.kind === 'loop') {
    const marks = row.kind === 'task' ? row.lane.marks : loopMarks;
    const m = nearestMark(marks, g, x);
    if (m) return { type: 'mark', row: r, lane: row.kind === 'task' ? row.lane : null, mark: m };
  }
  if (row.kind === 'task') {
    const span = pick(row.lane.spans, g, x, (s) => minWidthOf(s, g.axis), (s) => s.state === 'running');
    if (span) return { type: 'span', row: r, lane: row.lane, span };
  } else if (row.kind === 'thread') {
    const span = pick(row.lane.spans, g, x, () => MIN_SPAN_PX, () => false);
    if (span) return { type: 'thread', row: r, lane: row.lane, span };
  } else if (row.kind === 'loop') {
    return loopPick(scene.loop, r, g, x) ?? stallHit();
  }
  return stallHit();
}

function loopPick(loop: readonly LoopSpan[], r: number, g: Geometry, x: number): Hit | null {
  const span = pick(loop, g, x, () => MIN_RUNNING_PX, () => false);
  if (!span) return null;
  let part: 'macrotask' | 'checkpoint' = 'macrotask';
  if (span.checkpointSeq >= 0 && g.axis === 'steps') {
    if (x >= xOf(g, span.checkpointSeq)) part = 'checkpoint';
  }
  return { type: 'loop', row: r, span, part };
}

/** The nearest mark within MARK_HIT_PX of x. */
export function nearestMark(marks: readonly Mark[], g: Geometry, x: number): Mark | null {
  if (marks.length === 0) return null;
  // On the steps axis a mark is drawn half a step right of its seq (markX), so search from half a step earlier.
  let i = firstMarkAtOrAfter(marks, valueAt(g, x - MARK_HIT_PX) - (g.axis === 'steps' ? 0.5 : 0), g.axis);
  let best: Mark | null = null;
  let bestD = Infinity;
  for (; i < marks.length; i++) {
    const m = marks[i]!;
    const mx = markX(g, m);
    if (mx > x + MARK_HIT_PX) break;
    const d = Math.abs(mx - x);
    // Ties go to the later mark (it is drawn on top).
    if (d <= bestD) {
      best = m;
      bestD = d;
    }
  }
  return best;
}

/** x of a mark: on the steps axis it sits in the middle of its one step. */
export function markX(g: Geometry, m: Mark): number {
  return g.axis === 'steps' ? xOf(g, m.seqStart + 0.5) : xOf(g, markOn(m, g.axis));
}

function pick<T extends Placed>(items: readonly T[], g: Geometry, x: number, minPx: (item: T) => number, preferred: (item: T) => boolean): T | null {
  if (items.length === 0) return null;
  // Spans may be widened by up to MIN_RUNNING_PX, so start the search that far left.
  let i = firstEndingAtOrAfter(items, valueAt(g, x - MIN_RUNNING_PX - 1), g.axis);
  const v = valueAt(g, x);
  let found: T | null = null;
  for (; i < items.length; i++) {
    const item = items[i]!;
    if (startOn(item, g.axis) > v) break;
    const [x0, x1] = itemPx(g, item, minPx(item));
    if (x >= x0 && x < x1) {
      if (preferred(item)) return item;
      found = item;
    }
  }
  return found;
}

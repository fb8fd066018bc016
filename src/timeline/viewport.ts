/**
 * What part of the run is in view: the model, the view mode, the visible
 * range on the current axis, the vertical scroll of the lanes and the canvas
 * size; and the moves on them (zoom, pan, fit, jump, scroll, switch axis).
 * No DOM and no drawing: mount.ts redraws and announces after each move.
 * Tests: the zoom/pan/keyboard tests in tests/browser/timeline.test.ts.
 */
import { maxScroll, type Geometry, type Scene } from './geometry.ts';
import { axisOf, extentOf, rowsFor, seqAtTime, timeAtSeq, type Axis, type Row, type TimelineModel, type ViewMode } from './model.ts';
import { centreOn, clampRange, panRange, zoomRange, type Extent, type Range } from './scale.ts';
import type { ScrubPosition } from './describe.ts';

/** Height of one lane, px. */
export const ROW_H = 22;
/** Height of the axis strip on top, px. */
export const HEADER_H = 26;
/** Lanes shown before the view scrolls vertically, unless the options say otherwise. */
export const MAX_VISIBLE_ROWS = 14;
/** The label column takes at most this share of the canvas width. */
const MAX_LABEL_SHARE = 0.4;

/**
 * Width of the lane-name column, px: wide enough for the longest name
 * (`needed`) up to 40% of the canvas, and never narrower than 136 px (84 px on
 * phones). A name still too long is cut on the canvas and shown whole in its
 * label's tooltip. Test: "long lane names" in tests/browser/timeline.test.ts.
 */
export function labelWidthFor(width: number, needed = 0): number {
  const base = width < 480 ? 84 : 136;
  return Math.max(base, Math.min(Math.ceil(needed), Math.floor(width * MAX_LABEL_SHARE)));
}

/** The visible part of a run. */
export class Viewport {
  model: TimelineModel | null = null;
  mode: ViewMode;
  range: Range = { from: 0, to: 1 };
  scrollY = 0;
  width = 0;
  height = 0;
  /** Width the longest lane name needs (measured by mount.ts with the drawing font). */
  labelNeed = 0;
  readonly #maxVisibleRows: number;

  constructor(mode: ViewMode, maxVisibleRows = MAX_VISIBLE_ROWS) {
    this.mode = mode;
    this.#maxVisibleRows = maxVisibleRows;
  }

  /** The axis of the current view. */
  get axis(): Axis {
    return axisOf(this.mode);
  }

  /** The rows of the current view. */
  rows(): Row[] {
    return this.model ? rowsFor(this.model, this.mode) : [];
  }

  /** Where things are on the canvas now. */
  geometry(): Geometry {
    return { width: this.width, height: this.height, labelWidth: labelWidthFor(this.width, this.labelNeed), headerHeight: HEADER_H, rowHeight: ROW_H, scrollY: this.scrollY, range: this.range, axis: this.axis };
  }

  /** What the canvas draws in the current view. */
  scene(): Scene {
    const m = this.model;
    const loopView = m !== null && this.mode === 'microtasks';
    return { rows: this.rows(), stalls: m?.timeline.stalls ?? [], loopMarks: loopView ? m.timeline.loopMarks : [], loop: loopView ? m.timeline.loop : [] };
  }

  /** The whole run on the current axis. */
  extent(): Extent {
    return this.model ? extentOf(this.model, this.axis) : { min: 0, max: 1, minSpan: 1 };
  }

  /** Take the plot's width; the height follows from the rows (at most maxVisibleRows). Returns whether the size changed. */
  resize(width: number): boolean {
    const w = Math.max(200, Math.floor(width));
    const h = HEADER_H + Math.max(1, Math.min(this.rows().length, this.#maxVisibleRows)) * ROW_H + 2;
    const changed = w !== this.width || h !== this.height;
    this.width = w;
    this.height = h;
    this.scrollY = Math.min(this.scrollY, this.maxScroll());
    return changed;
  }

  /** Largest vertical scroll for the current rows. */
  maxScroll(): number {
    return maxScroll(this.geometry(), this.rows().length);
  }

  /** Scroll the lanes to `y` (clamped); returns whether it moved. */
  scrollTo(y: number): boolean {
    const next = Math.min(Math.max(0, y), this.maxScroll());
    const moved = next !== this.scrollY;
    this.scrollY = next;
    return moved;
  }

  /** The first and last lane (1-based) in view, and how many there are. */
  visibleRows(): { first: number; last: number; total: number } {
    const total = this.rows().length;
    const first = Math.floor(this.scrollY / ROW_H) + 1;
    const last = Math.min(total, Math.floor((this.scrollY + this.height - HEADER_H - 2) / ROW_H));
    return { first: Math.min(first, total), last: Math.max(last, Math.min(first, total)), total };
  }

  fit(): void {
    const e = this.extent();
    this.range = { from: e.min, to: e.max };
  }
  zoom(factor: number, anchor = (this.range.from + this.range.to) / 2): void {
    this.range = zoomRange(this.range, factor, anchor, this.extent());
  }
  /** Pan by a fraction of the visible width. */
  pan(fraction: number): void {
    this.range = panRange(this.range, (this.range.to - this.range.from) * fraction, this.extent());
  }
  setRange(from: number, to: number): void {
    this.range = clampRange({ from, to }, this.extent());
  }
  /** Keep the zoom, start at the beginning of the run. */
  home(): void {
    const e = this.extent();
    this.range = clampRange({ from: e.min, to: e.min + (this.range.to - this.range.from) }, e);
  }
  /** Keep the zoom, end at the end of the run. */
  end(): void {
    const e = this.extent();
    this.range = clampRange({ from: e.max - (this.range.to - this.range.from), to: e.max }, e);
  }
  /** Bring value `v` into view (centred) if it is outside; returns whether the range moved. */
  reveal(v: number): boolean {
    if (v >= this.range.from && v <= this.range.to) return false;
    this.range = centreOn(this.range, v, this.extent());
    return true;
  }

  /** Switch view, keeping the same stretch of the run in view when the axis changes (resize after: the rows may change). */
  switchTo(next: ViewMode): void {
    const m = this.model;
    let keep: Range | null = null;
    if (m && axisOf(this.mode) !== axisOf(next)) {
      const { from, to } = this.range;
      keep = this.axis === 'time'
        ? { from: seqAtTime(m, from), to: Math.max(seqAtTime(m, to), seqAtTime(m, from) + 4) }
        : { from: timeAtSeq(m, Math.floor(from)), to: timeAtSeq(m, Math.ceil(to)) };
    }
    this.mode = next;
    if (keep) {
      if (keep.to <= keep.from || (keep.from === 0 && keep.to === 0)) this.fit();
      else this.range = clampRange(keep, this.extent());
    }
  }

  /** The value of a moment on the current axis (a step sits in the middle of its unit when `centred`). */
  valueOf(pos: ScrubPosition, centred = false): number {
    return this.axis === 'time' ? pos.t : pos.seq + (centred ? 0.5 : 0);
  }

  /** The moment at value `v` of the current axis. */
  positionAt(v: number): ScrubPosition {
    const m = this.model;
    if (!m) return { seq: 0, t: 0 };
    return this.axis === 'time' ? { t: v, seq: seqAtTime(m, v) } : { seq: Math.round(v), t: timeAtSeq(m, Math.round(v)) };
  }
}

/**
 * The horizontal axis: a visible range of the domain (virtual ms on the time
 * axis, trace steps on the steps axis), mapped linearly to pixels; zoom, pan
 * and clamping of that range; "nice" tick steps (1, 2, 5 x 10^k) and their
 * labels ("250 ms", "1.5 s", "#120").
 * Pure functions. Tests: tests/timeline/scale.test.ts.
 */
import { formatMs } from '../trace/format-ms.ts';

/** A visible range of the domain, `from < to`. */
export interface Range {
  from: number;
  to: number;
}

/** The whole domain and the smallest range one may zoom into. */
export interface Extent {
  min: number;
  max: number;
  /** Narrowest visible range (zoom-in limit). */
  minSpan: number;
}

/** Pixel x of domain value `v` on a plot `width` px wide. */
export function toPx(v: number, range: Range, width: number): number {
  return ((v - range.from) / (range.to - range.from)) * width;
}

/** Domain value at pixel x. */
export function fromPx(x: number, range: Range, width: number): number {
  return range.from + (x / width) * (range.to - range.from);
}

/** Keep a range inside the extent, no narrower than minSpan and no wider than the extent; keeps its width when it can. */
export function clampRange(range: Range, extent: Extent): Range {
  const full = extent.max - extent.min;
  let span = Math.min(Math.max(range.to - range.from, extent.minSpan), full > 0 ? full : extent.minSpan);
  if (!(span > 0)) span = 1;
  let from = range.from;
  if (from + span > extent.max) from = extent.max - span;
  if (from < extent.min) from = extent.min;
  return { from, to: from + span };
}

/** Zoom by `factor` (> 1 zooms in) keeping the domain value `anchor` at the same pixel. */
export function zoomRange(range: Range, factor: number, anchor: number, extent: Extent): Range {
  const span = range.to - range.from;
  const next = Math.min(Math.max(span / factor, extent.minSpan), Math.max(extent.max - extent.min, extent.minSpan));
  const ratio = span > 0 ? (anchor - range.from) / span : 0.5;
  const from = anchor - ratio * next;
  return clampRange({ from, to: from + next }, extent);
}

/** Pan by `delta` domain units (positive moves the view later). */
export function panRange(range: Range, delta: number, extent: Extent): Range {
  return clampRange({ from: range.from + delta, to: range.to + delta }, extent);
}

/** Centre the range on `v` (keeping its width), e.g. to bring a highlighted moment into view. */
export function centreOn(range: Range, v: number, extent: Extent): Range {
  const half = (range.to - range.from) / 2;
  return clampRange({ from: v - half, to: v + half }, extent);
}

/** The smallest "nice" step (1, 2 or 5 x 10^k, at least `minStep`) that gives ticks at least `minPx` apart. */
export function niceStep(range: Range, width: number, minPx = 70, minStep = 0): number {
  const span = range.to - range.from;
  if (!(span > 0) || !(width > 0)) return 1;
  const raw = Math.max((span * minPx) / width, minStep, Number.EPSILON);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    const step = m * power;
    if (step >= raw - 1e-12 * power) return step;
  }
  return 10 * power;
}

/** Tick values (multiples of `step`) inside the range. */
export function ticks(range: Range, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(range.from / step - 1e-9) * step;
  for (let v = first, i = 0; v <= range.to + step * 1e-9 && i < 1000; i++, v = first + i * step) out.push(roundTo(v, step));
  return out;
}

function roundTo(v: number, step: number): number {
  // Remove float noise (0.30000000000000004) at the precision of the step.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(digits, 12)));
}

/** A tick label on either axis. */
export function formatTick(v: number, axis: 'time' | 'steps', step: number): string {
  return axis === 'time' ? formatMs(v, { step }) : `#${Math.round(v)}`;
}

/**
 * Draws a view of the timeline on a 2D canvas: rows, spans (culled to the
 * visible range by binary search, sub-pixel runs coalesced), marks, thread jobs,
 * the loop lane, stall bands across every lane, the axis, labels, highlight,
 * playhead and hover outline. One canvas, no per-span DOM: the 10,000-span
 * budget (100 ms) is measured by bench/timeline.ts.
 */
import type { Mark } from '../trace/spans.ts';
import {
  itemPx, markX, plotWidth, minWidthOf, rowTop, visibleRowCount, xOf, MIN_RUNNING_PX, MIN_SPAN_PX,
  type Geometry, type Hit, type Scene,
} from './geometry.ts';
import { endOn, firstEndingAtOrAfter, firstMarkAtOrAfter, startOn, type Placed, type Row } from './model.ts';
import { flatFill, type PatternCache } from './patterns.ts';
import { formatTick, niceStep, ticks } from './scale.ts';
import { spanLook, lookKey, type Palette, type PatternName } from './styles.ts';

/** What else to draw besides the data. */
export interface Overlay {
  /** Domain value of the highlighted moment, and the seq of a highlighted mark. */
  highlight: { v: number; seq: number | null } | null;
  /** Domain value of the scrub playhead. */
  playhead: number | null;
  hover: Hit | null;
  /** Labels of special rows. */
  text: { loop: string; thread: (n: number) => string; blocked: (ms: number) => string; microtasks: (jobs: number) => string };
  font: string;
}

/** Counts of what the last draw painted (for tests and the benchmark). */
export interface DrawStats {
  rects: number;
  marks: number;
  rows: number;
  /** Text drawn in the axis strip (tests check that none overprints another). */
  headerLabels: HeaderLabel[];
}

/** A label in the axis strip: a tick value or a stall's "loop blocked for ..." text; left edge and width in CSS px. */
export interface HeaderLabel {
  kind: 'tick' | 'stall';
  text: string;
  x: number;
  w: number;
}

/** Space kept between two labels of the axis strip, px. */
const LABEL_GAP = 4;

/**
 * Which header labels to draw. Both kinds share the strip, so a stall's label
 * (it says why the lanes stop) wins and the tick labels it would cover are
 * left out (their ticks stay); of stall labels side by side the first is kept.
 * Pure. Test: "the loop-blocked label is not drawn over the axis labels" in
 * tests/browser/timeline.test.ts.
 */
export function layoutHeaderLabels(ticks: readonly HeaderLabel[], stalls: readonly HeaderLabel[], right: number): HeaderLabel[] {
  const overlaps = (a: HeaderLabel, b: HeaderLabel): boolean => a.x < b.x + b.w + LABEL_GAP && b.x < a.x + a.w + LABEL_GAP;
  const kept: HeaderLabel[] = [];
  for (const s of stalls) if (!kept.some((k) => overlaps(k, s))) kept.push(s);
  const stallCount = kept.length;
  for (const t of ticks) {
    // A label that would be cut at the right edge is left out too.
    if (t.x + t.w <= right && !kept.slice(0, stallCount).some((k) => overlaps(k, t))) kept.push(t);
  }
  return kept;
}

const MARK_SIZE = 4;
/** Bars narrower than this are filled flat (a pattern cannot show in fewer pixels). */
const NARROW_PX = 6;

/**
 * Rectangles collected per look (colour + pattern) and filled with one call
 * per look at the end: a few fills per frame instead of one state change and
 * fill per span, which is what keeps 10,000 spans inside the budget.
 */
class Batch {
  #looks = new Map<string, { fill: CanvasPattern | string; path: Path2D; outline: Path2D | null; color: string; order: number }>();

  /** Add a rectangle to the batch of `key`. */
  rect(key: string, fill: () => CanvasPattern | string, color: string, order: number, x: number, y: number, w: number, h: number, outline: boolean): void {
    let b = this.#looks.get(key);
    if (!b) {
      b = { fill: fill(), path: new Path2D(), outline: null, color, order };
      this.#looks.set(key, b);
    }
    b.path.rect(x, y, w, h);
    if (outline && w >= 3) (b.outline ??= new Path2D()).rect(x + 0.5, y + 0.5, w - 1, h - 1);
  }

  /** Fill everything, lower `order` first (running spans last, on top). */
  flush(ctx: CanvasRenderingContext2D): void {
    const all = [...this.#looks.values()].sort((a, b) => a.order - b.order);
    for (const b of all) {
      ctx.fillStyle = b.fill;
      ctx.fill(b.path);
      if (b.outline) {
        ctx.strokeStyle = b.color;
        ctx.lineWidth = 1;
        ctx.stroke(b.outline);
      }
    }
    this.#looks.clear();
  }
}

/** Paint the whole canvas. `ctx` is already scaled so 1 unit = 1 CSS px. */
export function drawTimeline(ctx: CanvasRenderingContext2D, scene: Scene, g: Geometry, palette: Palette, patterns: PatternCache, overlay: Overlay): DrawStats {
  const stats: DrawStats = { rects: 0, marks: 0, rows: 0, headerLabels: [] };
  const { width, height, labelWidth, headerHeight, rowHeight } = g;
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.font = overlay.font;
  ctx.textBaseline = 'middle';

  const first = Math.max(0, Math.floor(g.scrollY / rowHeight));
  const last = Math.min(scene.rows.length, first + visibleRowCount(g) + 2);
  const step = niceStep(g.range, plotWidth(g), 64, g.axis === 'steps' ? 1 : 0);
  const tickValues = ticks(g.range, step);

  // Plot area: clip so nothing bleeds into the labels or the axis.
  ctx.save();
  ctx.beginPath();
  ctx.rect(labelWidth, headerHeight, width - labelWidth, height - headerHeight);
  ctx.clip();
  for (let r = first; r < last; r++) {
    if (r % 2 === 1) {
      ctx.fillStyle = palette.laneAlt;
      ctx.fillRect(labelWidth, rowTop(g, r), width - labelWidth, rowHeight);
    }
  }
  ctx.fillStyle = palette.grid;
  for (const v of tickValues) ctx.fillRect(Math.round(xOf(g, v)), headerHeight, 1, height - headerHeight);

  const barArea = rowHeight - 6;
  const batch = new Batch();
  for (let r = first; r < last; r++) {
    const row = scene.rows[r]!;
    const top = rowTop(g, r) + 3;
    stats.rows++;
    if (row.kind === 'task') {
      stats.rects += drawItems(batch, row.lane.spans, g, top, barArea, patterns, (s) => {
        const look = spanLook(s.state, s.on?.kind);
        return { key: lookKey(look), color: palette[look.color], pattern: look.pattern, height: look.height, min: minWidthOf(s, g.axis) };
      });
    } else if (row.kind === 'thread') {
      stats.rects += drawItems(batch, row.lane.spans, g, top, barArea, patterns, (s) => ({
        key: s.finished ? 'job' : 'job-open', color: palette.threadJob, pattern: s.finished ? 'solid' : 'outline', height: 0.8, min: MIN_SPAN_PX,
      }));
    } else if (row.kind === 'loop') {
      stats.rects += drawLoop(ctx, scene, g, top, barArea, palette, patterns, overlay);
    }
  }
  batch.flush(ctx);
  // Text and marks go over the bars.
  for (let r = first; r < last; r++) {
    const row = scene.rows[r]!;
    const top = rowTop(g, r) + 3;
    if (row.kind === 'task') stats.marks += drawMarks(ctx, row.lane.marks, g, top, barArea, palette);
    else if (row.kind === 'thread') drawItemLabels(ctx, row.lane.spans, g, top + barArea / 2, palette, (s) => s.label);
    else if (row.kind === 'loop') stats.marks += drawMarks(ctx, scene.loopMarks, g, top, barArea, palette);
  }

  // Stalls: a band across every lane, hatched, with edges - blockFor froze the loop thread.
  for (const stall of scene.stalls) {
    const [x0, x1] = itemPx(g, stall, MIN_RUNNING_PX);
    if (x1 < labelWidth || x0 > width) continue;
    ctx.globalAlpha = 0.35;
    ctx.fillStyle = patterns.get('cross', palette.blocked);
    ctx.fillRect(x0, headerHeight, x1 - x0, height - headerHeight);
    ctx.globalAlpha = 1;
    ctx.fillStyle = palette.blocked;
    ctx.fillRect(x0, headerHeight, 1.5, height - headerHeight);
    ctx.fillRect(x1 - 1.5, headerHeight, 1.5, height - headerHeight);
  }

  // Hover outline.
  const hov = overlay.hover;
  if (hov && (hov.type === 'span' || hov.type === 'thread' || hov.type === 'loop')) {
    const [x0, x1] = itemPx(g, hov.span, hov.type === 'span' ? minWidthOf(hov.span, g.axis) : MIN_SPAN_PX);
    ctx.strokeStyle = palette.text;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x0 - 1, rowTop(g, hov.row) + 1.5, x1 - x0 + 2, rowHeight - 3);
  }

  // Highlighted moment (from the console) and the playhead.
  if (overlay.highlight) {
    const x = xOf(g, overlay.highlight.v);
    ctx.fillStyle = palette.highlight;
    ctx.fillRect(x - 1, headerHeight, 2, height - headerHeight);
    if (overlay.highlight.seq !== null) {
      for (let r = first; r < last; r++) {
        const row = scene.rows[r]!;
        const marks = row.kind === 'task' ? row.lane.marks : row.kind === 'loop' ? scene.loopMarks : null;
        const m = marks?.find((mk) => mk.seqStart === overlay.highlight!.seq);
        if (m) {
          ctx.strokeStyle = palette.highlight;
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.arc(markX(g, m), rowTop(g, r) + rowHeight / 2, MARK_SIZE + 4, 0, Math.PI * 2);
          ctx.stroke();
        }
      }
    }
  }
  if (overlay.playhead !== null) {
    const x = xOf(g, overlay.playhead);
    // What lies after the playhead has not happened yet: veil it.
    ctx.globalAlpha = 0.55;
    ctx.fillStyle = palette.bg;
    ctx.fillRect(x, headerHeight, width - x, height - headerHeight);
    ctx.globalAlpha = 1;
    ctx.fillStyle = palette.playhead;
    ctx.fillRect(x - 1, headerHeight, 2, height - headerHeight);
  }
  if (hov && hov.type === 'mark') {
    ctx.strokeStyle = palette.text;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(markX(g, hov.mark), rowTop(g, hov.row) + rowHeight / 2, MARK_SIZE + 3, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();

  stats.headerLabels = drawHeader(ctx, scene, g, palette, tickValues, step, overlay);
  drawLabels(ctx, scene, g, palette, first, last, overlay);
  drawLaneScrollbar(ctx, g, scene.rows.length, palette);
  return stats;
}

interface ItemLook {
  key: string;
  color: string;
  pattern: PatternName;
  height: number;
  min: number;
}

/** Collect the visible items of one row into the batch; returns how many rectangles it added. */
function drawItems<T extends Placed>(
  batch: Batch, items: readonly T[], g: Geometry, top: number, barArea: number,
  patterns: PatternCache, lookOf: (item: T) => ItemLook,
): number {
  if (items.length === 0) return 0;
  const right = g.width;
  let i = firstEndingAtOrAfter(items, g.range.from, g.axis);
  // A zero-length item just left of the range may still show (minimum width).
  while (i > 0 && endOn(items[i - 1]!, g.axis) >= g.range.from - 1e-9) i--;
  let drawn = 0;
  let coveredTo = -Infinity;
  let solidTo = -Infinity;
  for (; i < items.length; i++) {
    const item = items[i]!;
    const x0 = xOf(g, startOn(item, g.axis));
    if (x0 > right) break;
    const look = lookOf(item);
    const x1 = Math.max(xOf(g, endOn(item, g.axis)), x0 + look.min);
    // Coalesce: an item entirely inside pixels already painted on this row adds nothing visible
    // (running spans, solid and on top, are checked against other running spans only).
    if (look.height < 1 ? x1 <= coveredTo : x1 <= solidTo) continue;
    const h = barArea * look.height;
    // A pattern needs room to read; bars narrower than NARROW_PX get the pattern's flat colour.
    if (x1 - x0 < NARROW_PX) batch.rect(`${look.key}|flat`, () => flatFill(look.pattern, look.color), look.color, look.height, x0, top + (barArea - h) / 2, x1 - x0, h, false);
    else batch.rect(look.key, () => patterns.get(look.pattern, look.color), look.color, look.height, x0, top + (barArea - h) / 2, x1 - x0, h, look.pattern === 'outline');
    drawn++;
    if (x1 > coveredTo) coveredTo = x1;
    if (look.height >= 1 && x1 > solidTo) solidTo = x1;
  }
  return drawn;
}

function drawItemLabels<T extends Placed>(ctx: CanvasRenderingContext2D, items: readonly T[], g: Geometry, y: number, palette: Palette, text: (item: T) => string): void {
  ctx.fillStyle = palette.bg;
  let i = firstEndingAtOrAfter(items, g.range.from, g.axis);
  for (; i < items.length; i++) {
    const [x0, x1] = itemPx(g, items[i]!, MIN_SPAN_PX);
    if (x0 > g.width) break;
    const w = x1 - x0;
    if (w < 40) continue;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, y - 8, w, 16);
    ctx.clip();
    ctx.fillStyle = palette.bg;
    ctx.fillText(text(items[i]!), Math.max(x0, g.labelWidth) + 3, y);
    ctx.restore();
  }
}

function drawLoop(ctx: CanvasRenderingContext2D, scene: Scene, g: Geometry, top: number, barArea: number, palette: Palette, patterns: PatternCache, overlay: Overlay): number {
  const loop = scene.loop;
  if (loop.length === 0) return 0;
  let i = firstEndingAtOrAfter(loop, g.range.from, g.axis);
  let drawn = 0;
  for (; i < loop.length; i++) {
    const m = loop[i]!;
    const x0 = xOf(g, startOn(m, g.axis));
    if (x0 > g.width) break;
    const x1 = Math.max(xOf(g, endOn(m, g.axis)), x0 + MIN_RUNNING_PX);
    // Macrotask part: up to the checkpoint event; checkpoint part: the checkpoint's own step.
    const split = m.checkpointSeq >= 0 && g.axis === 'steps' ? Math.min(Math.max(xOf(g, m.checkpointSeq), x0 + 1), x1) : x1;
    ctx.fillStyle = palette.macrotask;
    ctx.fillRect(x0, top, Math.max(split - x0, 1), barArea);
    if (split < x1) {
      ctx.fillStyle = patterns.get('dots', palette.checkpoint);
      ctx.fillRect(split, top, x1 - split, barArea);
    }
    drawn++;
    if (x1 - x0 > 60) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, top, split - x0, barArea);
      ctx.clip();
      ctx.fillStyle = palette.bg;
      ctx.fillText(m.source, Math.max(x0, g.labelWidth) + 3, top + barArea / 2);
      ctx.restore();
    }
    if (split < x1 && x1 - split > 70 && m.jobs >= 0) {
      ctx.fillStyle = palette.text;
      ctx.fillText(overlay.text.microtasks(m.jobs), split + 3, top + barArea / 2);
    }
  }
  return drawn;
}

/** Marks: each kind has its own shape (not colour alone). */
function drawMarks(ctx: CanvasRenderingContext2D, marks: readonly Mark[], g: Geometry, top: number, barArea: number, palette: Palette): number {
  if (marks.length === 0) return 0;
  const cy = top + barArea / 2;
  let i = firstMarkAtOrAfter(marks, g.range.from - (g.range.to - g.range.from) * 0.01, g.axis);
  let drawn = 0;
  let lastX = -Infinity;
  for (; i < marks.length; i++) {
    const m = marks[i]!;
    const x = markX(g, m);
    if (x > g.width + MARK_SIZE) break;
    // Marks closer than a pixel overlap exactly; draw the kind that matters most once.
    if (x - lastX < 0.5 && m.kind !== 'error' && m.kind !== 'deadlock') continue;
    lastX = x;
    // A task that ended with an error ends with the error shape, not the plain end bar.
    drawMark(ctx, m.kind === 'done' && m.text.startsWith('error') ? 'error' : m.kind, x, cy, palette);
    drawn++;
  }
  return drawn;
}

/** Draw a mark's shape centred at (x, y): console ●, spawn ▶, cancel ✕, error ◆, deadlock ■, done |. */
export function drawMark(ctx: CanvasRenderingContext2D, kind: Mark['kind'], x: number, y: number, palette: Palette): void {
  const s = MARK_SIZE;
  ctx.fillStyle = palette[kind];
  ctx.strokeStyle = palette.bg;
  ctx.lineWidth = 1;
  ctx.beginPath();
  switch (kind) {
    case 'log':
      ctx.arc(x, y - 3, s - 1, 0, Math.PI * 2);
      break;
    case 'spawn':
      ctx.moveTo(x, y - s - 1);
      ctx.lineTo(x + s + 2, y);
      ctx.lineTo(x, y + s + 1);
      ctx.closePath();
      break;
    case 'error':
      ctx.moveTo(x, y - s - 1);
      ctx.lineTo(x + s + 1, y);
      ctx.lineTo(x, y + s + 1);
      ctx.lineTo(x - s - 1, y);
      ctx.closePath();
      break;
    case 'deadlock':
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    case 'done':
      ctx.rect(x - 1, y - s - 2, 2, 2 * s + 4);
      break;
    case 'cancel':
      ctx.strokeStyle = palette.cancel;
      ctx.lineWidth = 2.2;
      ctx.moveTo(x - s, y - s);
      ctx.lineTo(x + s, y + s);
      ctx.moveTo(x + s, y - s);
      ctx.lineTo(x - s, y + s);
      ctx.stroke();
      return;
  }
  ctx.fill();
  ctx.stroke();
}

function drawHeader(ctx: CanvasRenderingContext2D, scene: Scene, g: Geometry, palette: Palette, tickValues: number[], step: number, overlay: Overlay): HeaderLabel[] {
  const { width, labelWidth, headerHeight } = g;
  ctx.fillStyle = palette.header;
  ctx.fillRect(0, 0, width, headerHeight);
  ctx.fillStyle = palette.grid;
  ctx.fillRect(0, headerHeight - 1, width, 1);
  ctx.save();
  ctx.beginPath();
  ctx.rect(labelWidth, 0, width - labelWidth, headerHeight);
  ctx.clip();
  ctx.textAlign = 'left';
  const tickLabels: HeaderLabel[] = [];
  ctx.fillStyle = palette.muted;
  for (const v of tickValues) {
    const x = Math.round(xOf(g, v));
    ctx.fillRect(x, headerHeight - 6, 1, 5);
    const text = formatTick(v, g.axis, step);
    tickLabels.push({ kind: 'tick', text, x: x + 3, w: ctx.measureText(text).width });
  }
  const stallLabels: HeaderLabel[] = [];
  for (const stall of scene.stalls) {
    const [x0, x1] = itemPx(g, stall, MIN_RUNNING_PX);
    if (x1 < labelWidth || x0 > width) continue;
    ctx.fillStyle = palette.blocked;
    ctx.fillRect(x0, headerHeight - 5, x1 - x0, 4);
    const text = overlay.text.blocked(stall.end - stall.start);
    // Keep the label inside the plot: right-align it to the band's end when it would overflow.
    const w = ctx.measureText(text).width;
    const x = Math.max(x0, labelWidth) + 2 + w > width ? Math.max(labelWidth + 2, Math.min(x1, width) - w - 2) : Math.max(x0, labelWidth) + 2;
    stallLabels.push({ kind: 'stall', text, x, w });
  }
  const labels = layoutHeaderLabels(tickLabels, stallLabels, width);
  for (const label of labels) {
    ctx.fillStyle = label.kind === 'stall' ? palette.blocked : palette.muted;
    ctx.fillText(label.text, label.x, label.kind === 'stall' ? headerHeight - 11 : headerHeight / 2 - 2);
  }
  if (overlay.playhead !== null) {
    const x = xOf(g, overlay.playhead);
    ctx.fillStyle = palette.playhead;
    ctx.beginPath();
    ctx.moveTo(x - 6, 0);
    ctx.lineTo(x + 6, 0);
    ctx.lineTo(x, headerHeight - 2);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
  return labels;
}

/** Width of the lane scrollbar, px. */
const SCROLLBAR_W = 4;

/**
 * With more lanes than fit, a thin scrollbar at the right edge shows how many
 * there are (thumb size) and where the view is (thumb position); the text
 * "Lanes 15–28 of 2000" under the plot says the same in words (mount.ts).
 */
function drawLaneScrollbar(ctx: CanvasRenderingContext2D, g: Geometry, rows: number, palette: Palette): void {
  const track = g.height - g.headerHeight;
  const content = rows * g.rowHeight;
  if (content <= track) return;
  const thumb = Math.max(12, (track * track) / content);
  const y = g.headerHeight + ((track - thumb) * g.scrollY) / (content - track);
  ctx.fillStyle = palette.grid;
  ctx.fillRect(g.width - SCROLLBAR_W, g.headerHeight, SCROLLBAR_W, track);
  ctx.fillStyle = palette.muted;
  ctx.fillRect(g.width - SCROLLBAR_W, y, SCROLLBAR_W, thumb);
}

/** Left padding of a row's label: deeper rows (children of a group) are indented. */
function labelIndent(row: Row): number {
  return 6 + row.depth * 10;
}

/** The text a row's label shows (whole: the canvas may cut it, the label's tooltip does not). */
export function labelText(row: Row, text: Overlay['text']): string {
  if (row.kind === 'loop') return text.loop;
  if (row.kind === 'thread') return text.thread(row.lane.thread);
  if (row.kind === 'group') return `[${row.label}]`;
  return row.label;
}

/** Width the label column needs to show every row's name whole (ctx.font must be the drawing font). */
export function labelColumnWidth(ctx: CanvasRenderingContext2D, rows: readonly Row[], text: Overlay['text']): number {
  let widest = 0;
  for (const row of rows) widest = Math.max(widest, labelIndent(row) + (row.kind === 'group' ? 5 : 0) + ctx.measureText(labelText(row, text)).width + 6);
  return Math.ceil(widest);
}

function drawLabels(ctx: CanvasRenderingContext2D, scene: Scene, g: Geometry, palette: Palette, first: number, last: number, overlay: Overlay): void {
  const { labelWidth, headerHeight, rowHeight, height } = g;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, headerHeight, labelWidth, height - headerHeight);
  ctx.clip();
  ctx.fillStyle = palette.header;
  ctx.fillRect(0, headerHeight, labelWidth, height - headerHeight);
  ctx.textAlign = 'left';
  for (let r = first; r < last; r++) {
    const row = scene.rows[r]!;
    const y = rowTop(g, r) + rowHeight / 2;
    const indent = labelIndent(row);
    const text = labelText(row, overlay.text);
    ctx.fillStyle = row.kind === 'group' || row.kind === 'thread' || row.kind === 'loop' ? palette.muted : palette.text;
    if (row.kind === 'group') ctx.fillRect(indent - 2, y - 1, 5, 1);
    ctx.fillText(fit(ctx, text, labelWidth - indent - 4), indent + (row.kind === 'group' ? 5 : 0), y);
  }
  ctx.restore();
  ctx.fillStyle = palette.grid;
  ctx.fillRect(labelWidth - 1, 0, 1, height);
  ctx.fillStyle = palette.muted;
  ctx.fillText(g.axis === 'time' ? 'ms' : '#', 6, headerHeight / 2);
}

const fitCache = new Map<string, string>();

/** Truncate `text` with an ellipsis to fit `max` px (cached per text, width and font). */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  const key = `${ctx.font}|${max}|${text}`;
  const hit = fitCache.get(key);
  if (hit !== undefined) return hit;
  let out = text;
  if (ctx.measureText(text).width > max) {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
      else hi = mid - 1;
    }
    out = `${text.slice(0, lo)}…`;
  }
  if (fitCache.size > 2000) fitCache.clear();
  fitCache.set(key, out);
  return out;
}


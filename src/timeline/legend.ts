/**
 * The legend: a key to the pictures the lanes of this run draw, each entry a small canvas
 * painted with the lanes' own tiles and marks (so the key cannot drift from the
 * drawing), plus a note on what the current axis means.
 * Tests: "what it shows" and the screenshots in tests/browser/timeline.test.ts.
 */
import type { WaitKind } from '../runtime/trace.ts';
import type { Mark } from '../trace/spans.ts';
import { element } from './dom.ts';
import type { TimelineModel } from './model.ts';
import { paintTile, TILE } from './patterns.ts';
import { drawMark } from './render.ts';
import { spanLook, WAIT_KINDS, type Palette, type PatternName } from './styles.ts';
import { waitKey, type Translate } from './strings.ts';

const SWATCH_W = 28;
const SWATCH_H = 14;

/** Fill `body` with the legend of `model` (or the general key when there is no run). */
export function renderLegend(body: HTMLElement, model: TimelineModel | null, palette: Palette, t: Translate): void {
  const doc = body.ownerDocument;
  const ratio = Math.max(1, doc.defaultView?.devicePixelRatio || 1);
  const swatch = (paint: (c: CanvasRenderingContext2D, w: number, h: number) => void): HTMLCanvasElement => {
    const c = element(doc, 'canvas', 'tl-swatch');
    c.width = Math.round(SWATCH_W * ratio);
    c.height = Math.round(SWATCH_H * ratio);
    c.setAttribute('aria-hidden', 'true');
    const cc = c.getContext('2d');
    if (cc) {
      cc.scale(ratio, ratio);
      cc.fillStyle = palette.bg;
      cc.fillRect(0, 0, SWATCH_W, SWATCH_H);
      paint(cc, SWATCH_W, SWATCH_H);
    }
    return c;
  };
  const bar = (look: ReturnType<typeof spanLook>): HTMLCanvasElement =>
    swatch((c, w, h) => tileFill(c, look.pattern, palette[look.color], 0, (h * (1 - look.height)) / 2, w, h * look.height));

  const items: Array<[HTMLCanvasElement, string]> = [];
  items.push([bar(spanLook('running')), t('timeline.state.running')]);
  items.push([bar(spanLook('ready')), t('timeline.state.ready')]);
  // With a run, the key lists what this run draws (its wait kinds, the stall band if the loop
  // was blocked, its kinds of marks); without one, everything it could draw.
  const used = model ? usedLooks(model) : null;
  for (const k of WAIT_KINDS) {
    if (!used || used.waits.has(k)) items.push([bar(spanLook('waiting', k)), `${t('timeline.state.waiting')}: ${t(waitKey(k))}`]);
  }
  if (!used || used.stalls) items.push([swatch((c, w, h) => tileFill(c, 'cross', palette.blocked, 0, 0, w, h)), t('timeline.blocked')]);
  for (const kind of MARK_KINDS) {
    if (!used || used.marks.has(kind)) items.push([swatch((c, w, h) => drawMark(c, kind, w / 2, h / 2 + (kind === 'log' ? 3 : 0), palette)), t(`timeline.mark.${kind}`)]);
  }
  const list = element(doc, 'ul', 'tl-legend-list');
  for (const [sw, label] of items) {
    const li = element(doc, 'li');
    li.append(sw, element(doc, 'span', undefined, label));
    list.append(li);
  }
  body.replaceChildren(list);
}

const MARK_KINDS = ['log', 'spawn', 'cancel', 'error', 'deadlock', 'done'] as const satisfies readonly Mark['kind'][];

/** The wait kinds, stall band and mark kinds a run's picture contains. */
export function usedLooks(model: TimelineModel): { waits: Set<WaitKind>; stalls: boolean; marks: Set<Mark['kind']> } {
  const waits = new Set<WaitKind>();
  const marks = new Set<Mark['kind']>();
  for (const lane of model.timeline.lanes) {
    for (const s of lane.spans) if (s.state === 'waiting' && s.on) waits.add(s.on.kind);
    for (const m of lane.marks) marks.add(m.kind);
  }
  for (const m of model.timeline.loopMarks) marks.add(m.kind);
  return { waits, stalls: model.timeline.stalls.length > 0, marks };
}

/** Fill a rectangle with a lane tile (the same tiles the lanes use). */
function tileFill(c: CanvasRenderingContext2D, pattern: PatternName, color: string, x: number, y: number, w: number, h: number): void {
  const tile = c.canvas.ownerDocument.createElement('canvas');
  tile.width = TILE;
  tile.height = TILE;
  const tc = tile.getContext('2d');
  if (!tc) return;
  paintTile(tc, pattern, color, 1);
  const p = c.createPattern(tile, 'repeat');
  if (p) c.fillStyle = p;
  c.fillRect(x, y, w, h);
  if (pattern === 'outline') {
    c.strokeStyle = color;
    c.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
  }
}

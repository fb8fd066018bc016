/**
 * Paints the fill patterns of styles.ts onto small tiles (a canvas per
 * colour+pattern, cached), used both by the timeline canvas (as CanvasPattern)
 * and by the legend swatches, so the legend shows exactly what the lanes show.
 * Needs a DOM (or OffscreenCanvas); the rest of the view's logic is pure.
 */
import type { PatternName } from './styles.ts';

/** Tile size in CSS px. */
export const TILE = 8;

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Draw one tile of `pattern` in `color` at scale `dpr` onto ctx (origin 0,0). */
export function paintTile(ctx: Ctx, pattern: PatternName, color: string, dpr: number): void {
  const s = TILE;
  ctx.save();
  ctx.scale(dpr, dpr);
  ctx.clearRect(0, 0, s, s);
  // Background: a translucent wash of the colour; the strokes carry the pattern.
  ctx.globalAlpha = pattern === 'solid' ? 0.75 : pattern === 'outline' ? 0.18 : 0.3;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, s, s);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.3;
  const line = (x0: number, y0: number, x1: number, y1: number): void => {
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  };
  const dot = (x: number, y: number, r: number): void => {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
  };
  switch (pattern) {
    case 'solid':
    case 'outline':
      break;
    case 'diag':
      for (const o of [-s, 0, s]) line(o, s, o + s, 0);
      break;
    case 'backdiag':
      for (const o of [-s, 0, s]) line(o, 0, o + s, s);
      break;
    case 'cross':
      for (const o of [-s, 0, s]) {
        line(o, s, o + s, 0);
        line(o, 0, o + s, s);
      }
      break;
    case 'grid':
      line(0, 0.5, s, 0.5);
      line(0.5, 0, 0.5, s);
      break;
    case 'hlines':
      line(0, 2, s, 2);
      line(0, 6, s, 6);
      break;
    case 'vlines':
      line(2, 0, 2, s);
      line(6, 0, 6, s);
      break;
    case 'dots':
      dot(2, 2, 1.3);
      dot(6, 6, 1.3);
      break;
    case 'checker':
      ctx.fillRect(0, 0, s / 2, s / 2);
      ctx.fillRect(s / 2, s / 2, s / 2, s / 2);
      break;
    case 'zigzag':
      ctx.beginPath();
      ctx.moveTo(0, 6);
      ctx.lineTo(2, 2);
      ctx.lineTo(4, 6);
      ctx.lineTo(6, 2);
      ctx.lineTo(8, 6);
      ctx.stroke();
      break;
    case 'wave':
      ctx.beginPath();
      ctx.moveTo(0, 4);
      ctx.bezierCurveTo(2, 0.5, 2, 0.5, 4, 4);
      ctx.bezierCurveTo(6, 7.5, 6, 7.5, 8, 4);
      ctx.stroke();
      break;
    case 'plus':
      line(4, 1.5, 4, 6.5);
      line(1.5, 4, 6.5, 4);
      break;
    case 'bricks':
      line(0, 0.5, s, 0.5);
      line(0, 4.5, s, 4.5);
      line(0.5, 0, 0.5, 4);
      line(4.5, 4, 4.5, s);
      break;
    case 'triangles':
      ctx.beginPath();
      ctx.moveTo(1, 6.5);
      ctx.lineTo(4, 1.5);
      ctx.lineTo(7, 6.5);
      ctx.closePath();
      ctx.fill();
      break;
    case 'sparse':
      dot(4, 4, 1);
      break;
    case 'dashes':
      line(0.5, 2, 4.5, 2);
      line(4.5, 6, 8, 6);
      line(0, 6, 0.5, 6);
      break;
  }
  ctx.restore();
}

/** A cache of CanvasPatterns per colour+pattern for one canvas context and dpr. */
export class PatternCache {
  #ctx: CanvasRenderingContext2D;
  #dpr: number;
  #cache = new Map<string, CanvasPattern | string>();

  constructor(ctx: CanvasRenderingContext2D, dpr: number) {
    this.#ctx = ctx;
    this.#dpr = dpr;
  }

  /** The fill for `pattern` in `color` (a CanvasPattern aligned to CSS pixels; 'solid' is the plain colour). */
  get(pattern: PatternName, color: string): CanvasPattern | string {
    if (pattern === 'solid') return color;
    const key = `${pattern}|${color}`;
    let fill = this.#cache.get(key);
    if (fill === undefined) {
      const size = Math.max(1, Math.round(TILE * this.#dpr));
      const tile = document.createElement('canvas');
      tile.width = size;
      tile.height = size;
      const tctx = tile.getContext('2d');
      if (tctx) paintTile(tctx, pattern, color, size / TILE);
      const p = this.#ctx.createPattern(tile, 'repeat');
      if (p) {
        // The main context is scaled by dpr; scale the tile back so it maps 1:1 to device pixels.
        p.setTransform(new DOMMatrix().scale(TILE / size));
        fill = p;
      } else fill = color;
      this.#cache.set(key, fill);
    }
    return fill;
  }
}

/**
 * The flat fill a pattern reduces to on a bar too narrow to show it: the
 * colour at the pattern's average coverage (cheaper to paint than a pattern).
 */
export function flatFill(pattern: PatternName, color: string): string {
  if (pattern === 'solid') return color;
  const alpha = pattern === 'outline' ? 0.35 : 0.6;
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

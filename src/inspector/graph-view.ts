/**
 * The await graph as SVG: one row per waiting task, "task -> what it awaits
 * -> who holds or completes it", edges on a deadlock cycle drawn in the
 * cycle style (class mi-cycle-edge). Decorative for assistive technology: the
 * inspector lists the same edges as text (panel.ts). Narrow enough for 390 px.
 */
const NS = 'http://www.w3.org/2000/svg';

/** One row of the drawing. */
export interface GraphRow {
  from: string;
  what: string;
  to: string;
  cycle: boolean;
}

const COL = [0, 118, 236];
const BOX_W = 104;
const ROW_H = 30;

function node(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

const clip = (s: string) => (s.length > 15 ? `${s.slice(0, 14)}…` : s);

/** An SVG drawing of `rows`. */
export function drawGraph(rows: readonly GraphRow[]): SVGSVGElement {
  const width = COL[2]! + BOX_W + 2;
  const svg = node('svg', { viewBox: `0 0 ${width} ${rows.length * ROW_H + 4}`, class: 'mi-graph-svg', 'aria-hidden': 'true', focusable: 'false' }) as SVGSVGElement;
  svg.append(node('defs', {}));
  const marker = node('marker', { id: 'mi-arrow', viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 6, markerHeight: 6, orient: 'auto' });
  marker.append(node('path', { d: 'M0,0 L8,4 L0,8 z', fill: 'currentColor' }));
  svg.firstChild!.appendChild(marker);
  rows.forEach((row, i) => {
    const y = 2 + i * ROW_H;
    const g = node('g', { class: row.cycle ? 'mi-row mi-cycle-edge' : 'mi-row' });
    [row.from, row.what, row.to].forEach((label, c) => {
      const box = node('g', { class: c === 1 ? 'mi-node mi-thing' : 'mi-node mi-tasknode' });
      box.append(node('rect', { x: COL[c]!, y, width: BOX_W, height: ROW_H - 8, rx: 4 }));
      const text = node('text', { x: COL[c]! + BOX_W / 2, y: y + (ROW_H - 8) / 2 + 4, 'text-anchor': 'middle' }, clip(label));
      text.append(node('title', {}, label));
      box.append(text);
      g.append(box);
    });
    for (const c of [0, 1]) g.append(node('line', { x1: COL[c]! + BOX_W, y1: y + 11, x2: COL[c + 1]! - 1, y2: y + 11, 'marker-end': 'url(#mi-arrow)', class: 'mi-arrow' }));
    svg.append(g);
  });
  return svg;
}

/**
 * An ASCII timeline for the terminal (`miniloop run --timeline`).
 *
 *                 0ms       10ms      20ms
 *                 |---------|---------|
 *   main          #.........#
 *     worker      #ssssss*
 *
 * Layout rules (the tests derive expected text from these):
 * - One row per task lane, in the timeline's order, the name indented two
 *   spaces per depth and padded to the widest label (labels longer than a
 *   third of the width are cut, ending in "~"); then one space; then the cells.
 * - Columns over virtual time: each column covers `msPerCol` ms, the smallest
 *   "nice" step (1, 2 or 5 times a power of ten) for which columns 0..
 *   floor(endTime / msPerCol) fit the width. Column c covers [c*m, (c+1)*m).
 * - The scale: a label line (`0ms`, `10ms`, ... at every tenth column, where
 *   it fits: not into the previous label, not past the width) and a tick line
 *   (`|` every tenth column, `-` elsewhere).
 * - A cell shows the most important thing that happens in its interval:
 *   `!` error > `*` console line > `#` running > `+` ready (for a positive
 *   time, e.g. after a stall) > a wait letter (the kind waited on for the
 *   longest part of the cell) > blank (not alive). A zero-length span or mark
 *   at time x belongs to the column containing x.
 * - Simulated threads get rows `thread N` (`=` busy); a blockFor stall gets a
 *   row `(blocked)` (`B`); a legend of the characters used ends the picture.
 * Tests: tests/trace/ascii-timeline.test.ts.
 */
import type { WaitKind } from '../runtime/trace.ts';
import { formatMs } from './format-ms.ts';
import { buildTimeline, type Span, type TaskLane, type Timeline, type TraceInput } from './spans.ts';

/** The letter drawn for each kind of wait. */
export const WAIT_LETTERS: Record<WaitKind, string> = {
  sleep: 's',
  timer: 's',
  lock: 'l',
  semaphore: 'm',
  condition: 'c',
  barrier: 'b',
  queue: 'q',
  event: 'e',
  channel: 'h',
  task: 'w',
  future: 'f',
  promise: '.',
  network: 'n',
  thread: 't',
  nursery: 'y',
  other: '.',
};

const LEGEND: Array<[string, string]> = [
  ['#', 'running'],
  ['+', 'ready'],
  ['*', 'log'],
  ['!', 'error'],
  ['s', 'sleep'],
  ['l', 'lock'],
  ['m', 'semaphore'],
  ['c', 'condition'],
  ['b', 'barrier'],
  ['q', 'queue'],
  ['e', 'event'],
  ['h', 'channel'],
  ['w', 'task'],
  ['f', 'future'],
  ['.', 'promise/other'],
  ['n', 'network'],
  ['t', 'thread'],
  ['y', 'nursery'],
  ['=', 'thread busy'],
  ['B', 'loop blocked'],
];

/** Options of the ASCII timeline. */
export interface AsciiOptions {
  /** Total width in characters (default 80). */
  width?: number;
}

/** Draw the run as ASCII text (lines joined with "\n", no trailing newline). */
export function asciiTimeline(input: TraceInput | Timeline, options: AsciiOptions = {}): string {
  const timeline = 'lanes' in input ? input : buildTimeline(input);
  const width = Math.max(20, options.width ?? 80);

  const labels = timeline.lanes.map((lane) => '  '.repeat(lane.depth) + lane.name);
  const extra = [...timeline.threads.map((t) => `thread ${t.thread}`), ...(timeline.stalls.length ? ['(blocked)'] : [])];
  const maxLabel = Math.floor(width / 3);
  const labelWidth = Math.min(maxLabel, Math.max(1, ...[...labels, ...extra].map((l) => l.length)));
  const fit = (label: string): string =>
    label.length > labelWidth ? label.slice(0, labelWidth - 1) + '~' : label.padEnd(labelWidth);

  const available = width - labelWidth - 1;
  const m = niceStep(timeline.endTime, available);
  const columns = Math.floor(timeline.endTime / m) + 1;
  const used = new Set<string>();

  const rows: string[] = [];
  const pad = ' '.repeat(labelWidth + 1);
  rows.push((pad + scaleLabels(columns, m, available)).trimEnd());
  rows.push(pad + Array.from({ length: columns }, (_, c) => (c % 10 === 0 ? '|' : '-')).join(''));

  timeline.lanes.forEach((lane, i) => {
    const cells = laneCells(lane, columns, m, timeline.endTime);
    for (const ch of cells) if (ch !== ' ') used.add(ch);
    rows.push((fit(labels[i]!) + ' ' + cells.join('')).trimEnd());
  });
  for (const thread of timeline.threads) {
    const cells = new Array<string>(columns).fill(' ');
    for (const span of thread.spans) fillRange(cells, span.start, span.end, m, '=');
    if (cells.includes('=')) used.add('=');
    rows.push((fit(`thread ${thread.thread}`) + ' ' + cells.join('')).trimEnd());
  }
  if (timeline.stalls.length) {
    const cells = new Array<string>(columns).fill(' ');
    for (const stall of timeline.stalls) fillRange(cells, stall.start, stall.end, m, 'B');
    used.add('B');
    rows.push((fit('(blocked)') + ' ' + cells.join('')).trimEnd());
  }
  rows.push(...legend(used, width));
  return rows.join('\n');
}

/** The smallest step of 1, 2 or 5 times a power of ten (ms) so that floor(end / step) + 1 <= columns. */
export function niceStep(end: number, columns: number): number {
  if (end <= 0 || columns <= 1) return Math.max(end, 1);
  for (let exp = -3; ; exp++) {
    for (const f of [1, 2, 5]) {
      const step = f * 10 ** exp;
      const rounded = exp < 0 ? Number(step.toFixed(-exp)) : step;
      if (Math.floor(end / rounded) + 1 <= columns) return rounded;
    }
  }
}

/** Labels at every tenth column where they fit: not into the previous label, not past the width. */
function scaleLabels(columns: number, m: number, available: number): string {
  let line = '';
  for (let c = 0; c < columns; c += 10) {
    const label = formatTime(c * m);
    if (line.length > c) continue; // the previous label runs into this tick
    if (c + label.length > available) break;
    line = line.padEnd(c) + label;
  }
  return line;
}

/** "0ms", "250ms", "2s", "1.5s". */
function formatTime(ms: number): string {
  return formatMs(ms, { compact: true });
}

const PRIORITY = ['!', '*', '#', '+'];

function laneCells(lane: TaskLane, columns: number, m: number, endTime: number): string[] {
  const cells: string[] = [];
  const col = (t: number): number => Math.min(columns - 1, Math.floor(t / m + 1e-9));
  const best: Array<{ rank: number; ch: string; waitTime: number }> = [];
  for (let c = 0; c < columns; c++) best.push({ rank: 99, ch: ' ', waitTime: -1 });
  const offer = (c: number, ch: string, waitTime = 0): void => {
    const rank = PRIORITY.indexOf(ch);
    const r = rank === -1 ? 10 : rank;
    const cur = best[c]!;
    if (r < cur.rank || (r === 10 && cur.rank === 10 && waitTime > cur.waitTime)) {
      best[c] = { rank: r, ch, waitTime };
    }
  };
  for (const span of lane.spans) offerSpan(span, offer, col, m, endTime);
  for (const mark of lane.marks) {
    if (mark.kind === 'log') offer(col(mark.t), '*');
    else if (mark.kind === 'error' || (mark.kind === 'done' && mark.text.startsWith('error'))) offer(col(mark.t), '!');
  }
  for (let c = 0; c < columns; c++) cells.push(best[c]!.ch);
  return cells;
}

function offerSpan(
  span: Span,
  offer: (c: number, ch: string, waitTime?: number) => void,
  col: (t: number) => number,
  m: number,
  endTime: number,
): void {
  const ch = span.state === 'running' ? '#' : span.state === 'ready' ? '+' : WAIT_LETTERS[span.on?.kind ?? 'other'];
  if (span.end <= span.start) {
    // Zero-length: running stretches (always), and ready/waiting that began and ended at one instant.
    // A zero-length wait or ready stretch is not drawn: nothing visible happened in virtual time.
    if (span.state === 'running') offer(col(span.start), ch);
    return;
  }
  const first = col(span.start);
  const last = span.end >= endTime ? col(endTime) : col(span.end - 1e-9);
  for (let c = first; c <= last; c++) {
    const overlap = Math.min(span.end, (c + 1) * m) - Math.max(span.start, c * m);
    offer(c, ch, overlap);
  }
}

function fillRange(cells: string[], start: number, end: number, m: number, ch: string): void {
  const columns = cells.length;
  const first = Math.min(columns - 1, Math.floor(start / m + 1e-9));
  const last = end > start ? Math.min(columns - 1, Math.floor(end / m - 1e-9)) : first;
  for (let c = first; c <= last; c++) cells[c] = ch;
}

function legend(used: Set<string>, width: number): string[] {
  const items = LEGEND.filter(([ch]) => used.has(ch)).map(([ch, text]) => `${ch} ${text}`);
  if (!items.length) return [];
  const lines: string[] = [];
  let line = 'legend:';
  for (const item of items) {
    if (line.length + 2 + item.length > width) {
      lines.push(line);
      line = '       ';
    }
    line += `  ${item}`;
  }
  lines.push(line);
  return lines;
}

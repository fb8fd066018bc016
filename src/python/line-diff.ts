/**
 * Where a TypeScript run and a Python run of the same twin print differently:
 * their console lines paired in order, each pair that differs in virtual time,
 * task or text reported (with which of the three), and lines only one side
 * printed. Pure; tests/python/line-diff.test.ts.
 */
import type { WireLine } from '../playground/protocol.ts';

/** One row of the comparison: line `index` of each run (undefined: that run printed fewer lines). */
export interface LineDiff {
  index: number;
  ts?: WireLine;
  py?: WireLine;
  /** What differs: 't' (virtual time), 'task', 'text'; all three when one side has no line. */
  differs: Array<'t' | 'task' | 'text'>;
}

/** Console lines (log level and up, as the reader sees them), compared pairwise. */
export function diffLines(ts: readonly WireLine[], py: readonly WireLine[]): LineDiff[] {
  const out: LineDiff[] = [];
  for (let i = 0; i < Math.max(ts.length, py.length); i++) {
    const a = ts[i];
    const b = py[i];
    if (!a || !b) {
      out.push({ index: i, ts: a, py: b, differs: ['t', 'task', 'text'] });
      continue;
    }
    const differs: LineDiff['differs'] = [];
    if (Math.round(a.t) !== Math.round(b.t)) differs.push('t');
    if (a.task !== b.task) differs.push('task');
    if (a.text !== b.text) differs.push('text');
    if (differs.length) out.push({ index: i, ts: a, py: b, differs });
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { diffLines } from '../../src/python/line-diff.ts';

const line = (t: number, task: string, text: string) => ({ t, task, level: 'log' as const, text });

describe('Compare: lines that differ between the TypeScript and the Python run', () => {
  it('reports nothing for equal runs (times compared to the whole ms)', () => {
    expect(diffLines([line(100, 'main', 'a'), line(200.2, 'w', 'b')], [line(100, 'main', 'a'), line(200, 'w', 'b')])).toEqual([]);
  });

  it('names what differs per pair, and the lines only one run printed', () => {
    const ts = [line(0, 'main', 'start'), line(100, 'Task-2', 'true'), line(300, 'main', 'end')];
    const py = [line(0, 'main', 'start'), line(100, 'Task-2', 'True'), line(200, 'main', 'end'), line(200, 'main', 'extra')];
    expect(diffLines(ts, py)).toEqual([
      { index: 1, ts: ts[1], py: py[1], differs: ['text'] },
      { index: 2, ts: ts[2], py: py[2], differs: ['t'] },
      { index: 3, ts: undefined, py: py[3], differs: ['t', 'task', 'text'] },
    ]);
  });
});

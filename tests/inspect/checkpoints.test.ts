// Checkpoints (src/inspect/checkpoints.ts): the state rebuilt from the nearest checkpoint equals the
// state rebuilt from the start of the trace, at every event of corpus programs and examples, whatever
// the spacing and in whatever order the moments are asked for (the inspector steps both ways).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { Checkpoints, type Fold } from '../../src/inspect/checkpoints.ts';
import { queuesAfter, queuesOf } from '../../src/inspect/queues.ts';
import { holdersAfter, tasksAfter } from '../../src/inspect/state.ts';
import { snapshotAt } from '../../src/inspector/snapshot.ts';
import { runProgram } from '../../src/runtime/program.ts';
import type { TraceEvent } from '../../src/runtime/trace.ts';

const root = resolve(import.meta.dirname, '../..');
const programs = [
  'tests/corpus/ordering/11-microtasks-between-timers.js',
  'tests/corpus/ordering/17-async-generators-two-consumers.js',
  'tests/corpus/ordering/50-mixed-scheduler.js',
  'examples/deadlock.ts',
  'content/examples/asyncio/gather.ts',
  'content/examples/asyncio/cancellation.ts',
];

async function traceOf(path: string): Promise<readonly TraceEvent[]> {
  const compiled = await compileInNode(readFileSync(resolve(root, path), 'utf8'), path.replace(/^.*\//, ''));
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  return (await runProgram(compiled, { lang: 'en', loopEvents: true })).trace;
}

/** A fold as plain data, comparable with toEqual. */
const plain = (f: Fold) => ({
  tasks: [...f.tasks.values()],
  holders: Object.fromEntries([...f.holders].filter(([, l]) => l.length > 0)),
  queues: queuesOf(f.queues),
  lines: f.lines,
});
const fromScratch = (trace: readonly TraceEvent[], n: number) => ({
  tasks: tasksAfter(trace, n),
  holders: Object.fromEntries([...holdersAfter(trace, n)].filter(([, l]) => l.length > 0)),
  queues: queuesAfter(trace, n),
  lines: trace.slice(0, n).filter((e) => e.kind === 'log').length,
});

describe('Checkpoints', () => {
  it.each(programs)('%s: equal to the fold from scratch at every event (spacing 1, 7, 1000; forwards and backwards)', async (path) => {
    const trace = await traceOf(path);
    expect(trace.length).toBeGreaterThan(20);
    for (const every of [1, 7, 1000]) {
      const backwards = new Checkpoints(trace, every);
      for (let n = trace.length; n >= 0; n--) expect(plain(backwards.foldAfter(n)), `${path} every ${every} n ${n}`).toEqual(fromScratch(trace, n));
      const forwards = new Checkpoints(trace, every);
      for (let n = 0; n <= trace.length; n++) expect(plain(forwards.foldAfter(n)), `${path} every ${every} n ${n}`).toEqual(fromScratch(trace, n));
    }
  });

  it('a fold handed out is a copy: changing it does not change the next one', async () => {
    const trace = await traceOf('examples/deadlock.ts');
    const cp = new Checkpoints(trace, 5);
    const first = cp.foldAfter(trace.length);
    for (const task of first.tasks.values()) task.state = 'failed';
    first.queues.ready.clear();
    expect(plain(cp.foldAfter(trace.length))).toEqual(fromScratch(trace, trace.length));
  });

  it('the inspector snapshot is the same with a shared checkpoint store as with a fresh one', async () => {
    const trace = await traceOf('content/examples/asyncio/gather.ts');
    const cp = new Checkpoints(trace, 4);
    for (let seq = trace.length - 1; seq >= 0; seq -= 3) expect(snapshotAt(trace, seq, cp)).toEqual(snapshotAt(trace, seq, new Checkpoints(trace, 1_000_000)));
  });

  it('rejects a spacing below 1', () => {
    expect(() => new Checkpoints([], 0)).toThrow(RangeError);
  });
});

/**
 * toThread / runInExecutor on the simulated thread pool. Real threads have
 * no deterministic twin in CPython, so these tests state the contract of
 * src/runtime/asyncio/threads.ts directly: the loop keeps running while jobs
 * run, at most N jobs run at once (FIFO queue), each job's start and end is a
 * `thread` trace event on its own lane, errors reach the awaiter, and
 * cancellation behaves as with concurrent.futures (running jobs finish,
 * queued ones are dropped).
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/runtime/trace.ts';
import { runSource } from './run-source.ts';

const PRELUDE = `import * as ml from 'miniloop';
const log = (...parts: unknown[]) => console.log(parts.map(String).join(' '));
`;

async function run(source: string) {
  const result = await runSource(PRELUDE + source);
  expect(result.problems.map((p) => p.message)).toEqual([]);
  return result;
}

function lines(result: { lines: Array<{ t: number; text: string }> }): Array<[number, string]> {
  return result.lines.map((l): [number, string] => [l.t, l.text]);
}

type ThreadEvent = Extract<TraceEvent, { kind: 'thread' }>;
function threadEvents(trace: TraceEvent[]): Array<[number, number, boolean]> {
  return trace.filter((e): e is ThreadEvent => e.kind === 'thread').map((e) => [e.t, e.detail.thread, e.detail.end]);
}

describe('toThread', () => {
  it('runs jobs beside the loop, four at a time by default, the rest waiting in FIFO order', async () => {
    const result = await run(`
function crunch(n: number) { return () => n * 10; }
async function job(n: number) {
  const r = await ml.toThread(crunch(n), 100);
  log('job', n, 'got', r);
}
const ticker = ml.createTask(async () => {
  for (let i = 0; i < 5; i++) { log('tick', i); await ml.sleep(50); }
});
await ml.gather(...[1, 2, 3, 4, 5, 6].map((n) => () => job(n)));
await ticker;
`);
    expect(lines(result)).toEqual([
      [0, 'tick 0'],
      [50, 'tick 1'],
      // The thread timers were set before the ticker's sleep timer: at the same instant they fire first.
      [100, 'job 1 got 10'],
      [100, 'job 2 got 20'],
      [100, 'job 3 got 30'],
      [100, 'job 4 got 40'],
      [100, 'tick 2'],
      [150, 'tick 3'],
      [200, 'job 5 got 50'],
      [200, 'job 6 got 60'],
      [200, 'tick 4'],
    ]);
    // Jobs 5 and 6 start when threads 1 and 2 free up, at 100.
    expect(threadEvents(result.trace)).toEqual([
      [0, 1, false],
      [0, 2, false],
      [0, 3, false],
      [0, 4, false],
      [100, 1, true],
      [100, 1, false],
      [100, 2, true],
      [100, 2, false],
      [100, 3, true],
      [100, 4, true],
      [200, 1, true],
      [200, 2, true],
    ]);
  });

  it('setThreadPoolSize limits parallelism; runInExecutor shares the pool', async () => {
    const result = await run(`
ml.setThreadPoolSize(2);
const started = ml.now();
await ml.gather(
  () => ml.toThread(() => log('a done at', ml.now()), 30),
  () => ml.runInExecutor(() => log('b done at', ml.now()), 10),
  () => ml.toThread(() => log('c done at', ml.now()), 10),
);
log('all done after', ml.now() - started);
`);
    expect(lines(result)).toEqual([
      [10, 'b done at 10'],
      [20, 'c done at 20'],
      [30, 'a done at 30'],
      [30, 'all done after 30'],
    ]);
  });

  it("labels the thread lanes with the function and task, and the awaiting task waits on kind 'thread'", async () => {
    const result = await run(`
function resize() { return 1; }
await ml.createTask(async () => { await ml.toThread(resize, 40); }, { name: 'worker' });
`);
    const thread = result.trace.filter((e): e is ThreadEvent => e.kind === 'thread');
    expect(thread.map((e) => e.detail.label)).toEqual(['resize for worker (40ms)', 'resize for worker (40ms)']);
    const worker = result.tasks.find((t) => t.name === 'worker')!;
    expect(thread.every((e) => e.task === worker.id)).toBe(true);
    const waits = result.trace.filter((e) => e.kind === 'wait' && e.task === worker.id);
    expect(waits.map((e) => (e.kind === 'wait' ? e.detail.on : null))).toEqual([{ kind: 'thread', what: 'thread: resize' }]);
  });

  it('an exception thrown by the function reaches the awaiter at the end of its time', async () => {
    const result = await run(`
try {
  await ml.toThread(() => { throw new ml.ValueError('disk full'); }, 25);
} catch (e) {
  log('caught', (e as Error).name, (e as Error).message, 'at', ml.now());
}
`);
    expect(lines(result)).toEqual([[25, 'caught ValueError disk full at 25']]);
  });

  it('cancelling the awaiter does not stop a running job; a job still queued never runs', async () => {
    const result = await run(`
ml.setThreadPoolSize(1);
const running = ml.createTask(async () => { await ml.toThread(() => log('running job finished anyway'), 50); });
const queued = ml.createTask(async () => { await ml.toThread(() => log('queued job ran'), 50); });
const third = ml.createTask(async () => { await ml.toThread(() => log('third job ran at', ml.now()), 10); });
await ml.sleep(10);
running.cancel();
queued.cancel();
await ml.gather(running, queued, { returnExceptions: true });
log('awaiters cancelled at', ml.now(), running.cancelled(), queued.cancelled());
await third;
`);
    expect(lines(result)).toEqual([
      [10, 'awaiters cancelled at 10 true true'],
      [50, 'running job finished anyway'],
      [60, 'third job ran at 60'],
    ]);
    expect(threadEvents(result.trace)).toEqual([
      [0, 1, false],
      [50, 1, true],
      [50, 1, false],
      [60, 1, true],
    ]);
  });

  it('rejects a pool size that is not a positive integer', async () => {
    const result = await run(`
try { ml.setThreadPoolSize(0); } catch (e) { log((e as Error).name); }
`);
    expect(lines(result)).toEqual([[0, 'RangeError']]);
  });
});

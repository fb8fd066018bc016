/** Timeline spans from traces: hand-written traces (exact) and real runs (invariants and known shapes). */
import { describe, expect, it } from 'vitest';
import type { TraceDetails, TraceEvent, TraceKind } from '../../src/runtime/trace.ts';
import { buildTimeline, spanAtSeq } from '../../src/trace/spans.ts';
import { runSource } from '../runtime/run-source.ts';
import { checkInvariants } from './invariants.ts';

/** Build a trace with consecutive seq numbers. */
function traceOf(...events: Array<[number, number, TraceKind, object]>): TraceEvent[] {
  return events.map(([t, task, kind, detail], seq) => ({ t, seq, task, kind, detail: detail as TraceDetails[typeof kind] }) as TraceEvent);
}

describe('buildTimeline on hand-written traces', () => {
  const trace = traceOf(
    [0, 1, 'spawn', { name: 'main', parent: 0 }], // 0
    [0, 1, 'ready', { since: 0 }], // 1
    [0, 0, 'macrotask', { source: 'task-start' }], // 2
    [0, 1, 'run', {}], // 3
    [0, 1, 'log', { level: 'log', text: 'hi' }], // 4
    [0, 2, 'spawn', { name: 'child', parent: 1, group: 'tg' }], // 5
    [0, 2, 'ready', { since: 0 }], // 6
    [0, 0, 'microtasks', { jobs: 0 }], // 7
    [0, 1, 'wait', { on: { kind: 'task', what: 'task child' } }], // 8
    [0, 0, 'macrotask', { source: 'task-start' }], // 9
    [0, 2, 'run', {}], // 10
    [0, 0, 'microtasks', { jobs: 0 }], // 11
    [0, 2, 'wait', { on: { kind: 'sleep', what: 'sleep 10ms' } }], // 12
    [10, 2, 'ready', { since: 10 }], // 13
    [10, 0, 'macrotask', { source: 'sleep' }], // 14
    [10, 2, 'run', {}], // 15
    [10, 2, 'block', { ms: 5 }], // 16
    [15, 3, 'thread', { thread: 1, end: false, label: 'hash' }], // 17
    [15, 2, 'done', { outcome: 'ok' }], // 18
    [15, 1, 'ready', { since: 12 }], // 19: woke at 12 in principle, but the loop was blocked until 15
    [15, 0, 'microtasks', { jobs: 1 }], // 20
    [15, 0, 'macrotask', { source: 'future' }], // 21
    [15, 1, 'run', {}], // 22
    [15, 1, 'cancel', { message: 'stop' }], // 23
    [15, 0, 'log', { level: 'warn', text: 'from the loop' }], // 24
    [15, 1, 'wait', { on: { kind: 'event', what: 'event#1' } }], // 25
    [15, 0, 'microtasks', { jobs: 0 }], // 26
    [40, 3, 'thread', { thread: 1, end: true, label: 'hash' }], // 27
    [40, 0, 'deadlock', { blocked: [{ task: 1, name: 'main', on: { kind: 'event', what: 'event#1' } }] }], // 28
    [40, 0, 'stop', { reason: 'deadlock' }], // 29
  );
  const timeline = buildTimeline({ trace });

  it('gives each task a lane with contiguous spans on both axes', () => {
    expect(timeline.lanes.map((l) => [l.id, l.name, l.parent, l.group, l.depth])).toEqual([
      [1, 'main', 0, undefined, 0],
      [2, 'child', 1, 'tg', 1],
    ]);
    const main = timeline.lanes[0]!;
    expect(main.spans).toEqual([
      { start: 0, end: 0, seqStart: 0, seqEnd: 3, state: 'ready' },
      { start: 0, end: 0, seqStart: 3, seqEnd: 8, state: 'running' },
      { start: 0, end: 12, seqStart: 8, seqEnd: 19, state: 'waiting', on: { kind: 'task', what: 'task child' } },
      { start: 12, end: 15, seqStart: 19, seqEnd: 22, state: 'ready' },
      { start: 15, end: 15, seqStart: 22, seqEnd: 25, state: 'running' },
      { start: 15, end: 40, seqStart: 25, seqEnd: 30, state: 'waiting', on: { kind: 'event', what: 'event#1' } },
    ]);
    expect(main.end).toBeNull();
    expect(main.outcome).toBeNull();
    const child = timeline.lanes[1]!;
    expect(child.spans).toEqual([
      { start: 0, end: 0, seqStart: 5, seqEnd: 10, state: 'ready' },
      { start: 0, end: 0, seqStart: 10, seqEnd: 12, state: 'running' },
      { start: 0, end: 10, seqStart: 12, seqEnd: 13, state: 'waiting', on: { kind: 'sleep', what: 'sleep 10ms' } },
      { start: 10, end: 10, seqStart: 13, seqEnd: 15, state: 'ready' },
      { start: 10, end: 15, seqStart: 15, seqEnd: 18, state: 'running' }, // blockFor inside: running for 5 ms
    ]);
    expect([child.end, child.seqEnd, child.outcome]).toEqual([15, 19, 'ok']);
    checkInvariants(timeline);
  });

  it('puts marks on the lanes (and the loop), with one step each', () => {
    expect(timeline.lanes[0]!.marks.map((m) => [m.kind, m.text, m.t, m.seqStart, m.seqEnd])).toEqual([
      ['spawn', 'spawn main', 0, 0, 1],
      ['log', 'hi', 0, 4, 5],
      ['cancel', 'cancel: stop', 15, 23, 24],
      ['deadlock', 'deadlock: waits on event#1', 40, 28, 29],
    ]);
    expect(timeline.lanes[1]!.marks.map((m) => [m.kind, m.text])).toEqual([
      ['spawn', 'spawn child'],
      ['done', 'ok'],
    ]);
    expect(timeline.loopMarks).toEqual([{ t: 15, seqStart: 24, seqEnd: 25, kind: 'log', text: 'from the loop', level: 'warn' }]);
  });

  it('builds the loop lane, stalls, threads and the stop', () => {
    expect(timeline.loop.map((m) => [m.source, m.task, m.start, m.end, m.seqStart, m.seqEnd, m.jobs])).toEqual([
      ['task-start', 1, 0, 0, 2, 8, 0],
      ['task-start', 2, 0, 0, 9, 12, 0],
      ['sleep', 2, 10, 15, 14, 21, 1],
      ['future', 1, 15, 15, 21, 27, 0],
    ]);
    expect(timeline.stalls).toEqual([{ start: 10, end: 15, seqStart: 16, seqEnd: 17, task: 2 }]);
    expect(timeline.threads).toEqual([
      { thread: 1, spans: [{ start: 15, end: 40, seqStart: 17, seqEnd: 27, task: 3, label: 'hash', finished: true }] },
    ]);
    expect(timeline.stop).toEqual({ t: 40, seq: 29, reason: 'deadlock' });
    expect([timeline.endTime, timeline.endSeq]).toEqual([40, 30]);
  });

  it('finds the span in effect at a step', () => {
    const main = timeline.lanes[0]!;
    expect(spanAtSeq(main, 4)?.state).toBe('running');
    expect(spanAtSeq(main, 19)?.state).toBe('ready');
    expect(spanAtSeq(timeline.lanes[1]!, 3)).toBeUndefined(); // not spawned yet
  });

  it('nests lanes depth-first under their parent, children in spawn order', () => {
    const nested = buildTimeline({
      trace: traceOf(
        [0, 1, 'spawn', { name: 'main', parent: 0 }],
        [0, 2, 'spawn', { name: 'a', parent: 1 }],
        [0, 3, 'spawn', { name: 'b', parent: 1 }],
        [0, 4, 'spawn', { name: 'a1', parent: 2 }],
        [0, 5, 'spawn', { name: 'loose', parent: 0 }],
      ),
    });
    expect(nested.lanes.map((l) => `${'  '.repeat(l.depth)}${l.name}`)).toEqual(['main', '  a', '    a1', '  b', 'loose']);
  });
});

describe('buildTimeline on real runs', () => {
  it('shows a sleeping task waiting on its sleep, and the parent waiting on the task', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      const worker = createTask(async () => {
        console.log('start');
        await sleep(100);
        console.log('end');
      }, { name: 'worker' });
      await worker;
    `);
    const timeline = buildTimeline(result);
    checkInvariants(timeline);
    const [main, worker] = timeline.lanes;
    expect([main!.name, worker!.name, worker!.depth]).toEqual(['main', 'worker', 1]);
    const waits = (lane: typeof main) => lane!.spans.filter((s) => s.state === 'waiting' && s.end > s.start);
    expect(waits(worker).map((s) => [s.start, s.end, s.on?.kind])).toEqual([[0, 100, 'sleep']]);
    expect(waits(main).map((s) => [s.start, s.end, s.on?.what])).toEqual([[0, 100, 'task worker']]);
    expect(worker!.marks.filter((m) => m.kind === 'log').map((m) => [m.t, m.text])).toEqual([
      [0, 'start'],
      [100, 'end'],
    ]);
    expect([main!.end, worker!.end, main!.outcome, worker!.outcome]).toEqual([100, 100, 'ok', 'ok']);
    // Running spans are zero-length in time but take steps.
    const running = worker!.spans.filter((s) => s.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    for (const s of running) expect([s.end - s.start, s.seqEnd > s.seqStart]).toEqual([0, true]);
    expect(timeline.endTime).toBe(100);
    expect(timeline.endSeq).toBe(result.trace.length);
  });

  it('attributes setTimeout macrotasks on the loop lane and counts microtasks (loopEvents on)', async () => {
    const source = `
      setTimeout(() => {
        queueMicrotask(() => console.log('micro 1'));
        queueMicrotask(() => console.log('micro 2'));
      }, 5);
    `;
    expect(buildTimeline(await runSource(source)).loop).toEqual([]); // the loop's events are opt-in
    const result = await runSource(source, { loopEvents: true });
    const timeline = buildTimeline(result);
    const timer = timeline.loop.filter((m) => m.source === 'setTimeout');
    expect(timer.map((m) => [m.start, m.task, m.jobs])).toEqual([[5, 1, 2]]);
  });

  it('shows blockFor as a stall and the blocked task as ready until the loop is free', async () => {
    const result = await runSource(`
      import { blockFor, createTask, sleep } from 'miniloop';
      const sleeper = createTask(async () => { await sleep(2); }, { name: 'sleeper' });
      blockFor(5);
      await sleeper;
    `);
    const timeline = buildTimeline(result);
    checkInvariants(timeline);
    expect(timeline.stalls.map((s) => [s.start, s.end, s.task])).toEqual([[0, 5, 1]]);
    const sleeper = timeline.lanes.find((l) => l.name === 'sleeper')!;
    expect(sleeper.spans[0]).toMatchObject({ state: 'ready', start: 0, end: 5 });
    const main = timeline.lanes[0]!;
    expect(main.spans.find((s) => s.state === 'running' && s.end > s.start)).toMatchObject({ start: 0, end: 5 });
  });

  it('leaves deadlocked lanes open with a deadlock mark', async () => {
    const result = await runSource(`
      import { createTask, Future } from 'miniloop';
      const f = new Future({ kind: 'future', what: 'never' });
      const t = createTask(async () => { await f; }, { name: 'stuck' });
      await t;
    `);
    expect(result.status).toBe('failed');
    const timeline = buildTimeline(result);
    checkInvariants(timeline);
    const stuck = timeline.lanes.find((l) => l.name === 'stuck')!;
    expect(stuck.end).toBeNull();
    expect(stuck.marks.filter((m) => m.kind === 'deadlock').map((m) => m.text)).toEqual(['deadlock: waits on never']);
    expect(stuck.spans.at(-1)).toMatchObject({ state: 'waiting', on: { what: 'never' } });
    expect(timeline.stop?.reason).toBe('deadlock');
  });

  it('marks cancellation and errors', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      const t = createTask(async () => { await sleep(50); }, { name: 'victim' });
      await sleep(10);
      t.cancel('enough');
      await sleep(1);
      throw new Error('boom');
    `);
    const timeline = buildTimeline(result);
    checkInvariants(timeline);
    const victim = timeline.lanes.find((l) => l.name === 'victim')!;
    expect(victim.marks.map((m) => [m.kind, m.t, m.text])).toEqual([
      ['spawn', 0, 'spawn victim'],
      ['cancel', 10, 'cancel: enough'],
      ['done', 10, 'cancelled'],
    ]);
    const main = timeline.lanes[0]!;
    expect(main.outcome).toBe('error');
    expect(main.marks.filter((m) => m.kind === 'done').map((m) => [m.t, m.text])).toEqual([[11, 'error: Error: boom']]);
    // The uncaught error is reported by the loop (from the main task's done-callback), so it is a loop mark.
    expect(timeline.loopMarks.map((m) => [m.kind, m.t, m.text])).toEqual([['error', 11, 'Error: boom']]);
  });
});

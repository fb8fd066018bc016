/**
 * The trace recorder keeps events in columns and makes event objects on
 * demand; these tests pin that what comes out is exactly what went in.
 */
import { describe, expect, it } from 'vitest';
import { TraceRecorder, type TraceEvent, type WaitLabel } from '../../src/runtime/trace.ts';
import { runSource } from './run-source.ts';

const SLEEP: WaitLabel = { kind: 'sleep', what: 'sleep 5ms' };

describe('TraceRecorder', () => {
  it('gives back every kind with its detail, in order, with seq equal to the index', () => {
    const trace = new TraceRecorder();
    trace.add(0, 1, 'spawn', { name: 'a', parent: 0, group: 'g' });
    trace.add(0, 1, 'ready', { since: 0 });
    trace.add(0.5, 1, 'run', {});
    trace.add(1, 1, 'wait', { on: SLEEP });
    trace.addReady(6, 1, 5.25);
    trace.addRun(6, 1);
    trace.addWait(6, 1, SLEEP);
    trace.add(6, 1, 'log', { level: 'warn', text: 'hi' });
    trace.add(7, 1, 'done', { outcome: 'error', error: 'Error: x' });
    trace.add(7, 0, 'stop', { reason: 'error' });
    expect(trace.length).toBe(10);
    expect(trace.events).toEqual([
      { t: 0, seq: 0, task: 1, kind: 'spawn', detail: { name: 'a', parent: 0, group: 'g' } },
      { t: 0, seq: 1, task: 1, kind: 'ready', detail: { since: 0 } },
      { t: 0.5, seq: 2, task: 1, kind: 'run', detail: {} },
      { t: 1, seq: 3, task: 1, kind: 'wait', detail: { on: SLEEP } },
      { t: 6, seq: 4, task: 1, kind: 'ready', detail: { since: 5.25 } },
      { t: 6, seq: 5, task: 1, kind: 'run', detail: {} },
      { t: 6, seq: 6, task: 1, kind: 'wait', detail: { on: SLEEP } },
      { t: 6, seq: 7, task: 1, kind: 'log', detail: { level: 'warn', text: 'hi' } },
      { t: 7, seq: 8, task: 1, kind: 'done', detail: { outcome: 'error', error: 'Error: x' } },
      { t: 7, seq: 9, task: 0, kind: 'stop', detail: { reason: 'error' } },
    ]);
    // The label object itself comes back (the timeline groups waits by it).
    expect((trace.events[3] as Extract<TraceEvent, { kind: 'wait' }>).detail.on).toBe(SLEEP);
  });

  it('gives back the details it does not keep (run, ready at its own time, done ok) next to those it keeps, across chunks', () => {
    const trace = new TraceRecorder();
    const expected: Array<Pick<TraceEvent, 't' | 'task' | 'kind' | 'detail'>> = [];
    const add = <K extends TraceEvent['kind']>(t: number, task: number, kind: K, detail: Extract<TraceEvent, { kind: K }>['detail']): void => {
      trace.add(t, task, kind, detail as never);
      expected.push({ t, task, kind, detail } as Pick<TraceEvent, 't' | 'task' | 'kind' | 'detail'>);
    };
    for (let i = 0; i < 3000; i++) {
      const t = Math.floor(i / 7);
      add(t, i, 'ready', { since: i % 3 === 0 ? t - 1 : t });
      add(t, i, 'run', {});
      add(t, i, 'done', i % 5 === 0 ? { outcome: 'cancelled' } : i % 11 === 0 ? { outcome: 'error', error: 'Error: x' } : { outcome: 'ok' });
    }
    expect(trace.events.map(({ t, task, kind, detail }) => ({ t, task, kind, detail }))).toEqual(expected);
  });

  it('shares one frozen detail per wait label and per ready instant (a cloned trace copies each once)', () => {
    const trace = new TraceRecorder();
    for (let i = 0; i < 3; i++) {
      trace.addWait(1, i, SLEEP);
      trace.addReady(2, i, 1.5);
      trace.addRun(2, i);
    }
    const details = (kind: string) => trace.events.filter((e) => e.kind === kind).map((e) => e.detail);
    for (const kind of ['wait', 'ready', 'run']) {
      const [first, ...rest] = details(kind);
      expect(Object.isFrozen(first)).toBe(true);
      for (const d of rest) expect(d).toBe(first);
    }
  });

  it('keeps events across chunk boundaries and after events were read', () => {
    const trace = new TraceRecorder();
    const n = 10_000; // more than two chunks
    for (let i = 0; i < n; i++) trace.add(i * 0.5, i % 7, 'log', { level: 'log', text: String(i) });
    expect(trace.events.length).toBe(n);
    for (let i = n; i < n + 5; i++) trace.addRun(i, 3);
    const events = trace.events;
    expect(events.length).toBe(n + 5);
    for (const i of [0, 4095, 4096, 8191, 8192, n - 1]) {
      expect(events[i]).toEqual({ t: i * 0.5, seq: i, task: i % 7, kind: 'log', detail: { level: 'log', text: String(i) } });
      expect(trace.at(i)).toEqual(events[i]);
    }
    expect(events[n + 4]).toEqual({ t: n + 4, seq: n + 4, task: 3, kind: 'run', detail: {} });
  });

  it('gives every event its own time when times repeat, change, and cross chunk boundaries (times are kept as runs)', () => {
    const trace = new TraceRecorder();
    const heard: number[] = [];
    trace.listen((e) => heard.push(e.t));
    // A seeded walk: runs of 1 to 300 events per instant, fractional and whole instants,
    // the same instant across a chunk boundary (4,096 events), and a stretch where every event has its own time.
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const times: number[] = [];
    let t = 0;
    while (times.length < 20_000) {
      const run = times.length > 9_000 && times.length < 10_000 ? 1 : 1 + Math.floor(random() * 300);
      for (let k = 0; k < run; k++) times.push(t);
      t += random() < 0.5 ? 0.25 : Math.floor(random() * 1000);
    }
    times.forEach((time, i) => trace.add(time, i % 5, 'log', { level: 'log', text: String(i) }));
    expect(trace.events.map((e) => e.t)).toEqual(times);
    expect(heard).toEqual(times);
    const logged: number[] = [];
    trace.forEachLog((time) => logged.push(time));
    expect(logged).toEqual(times);
    // Random access, out of order.
    for (let k = 0; k < 2_000; k++) {
      const i = Math.floor(random() * times.length);
      expect(trace.at(i).t).toBe(times[i]);
    }
  });

  it('scan visits only the kinds asked for, in order', () => {
    const trace = new TraceRecorder();
    for (let i = 0; i < 9000; i++) {
      trace.addRun(i, 1);
      if (i % 1000 === 0) trace.add(i, 1, 'log', { level: 'log', text: `line ${i}` });
      trace.addWait(i, 1, SLEEP);
    }
    const seen: string[] = [];
    trace.scan(['log'], (e) => seen.push(`${e.seq} ${e.kind === 'log' ? e.detail.text : e.kind}`));
    expect(seen).toEqual(Array.from({ length: 9 }, (_, k) => `${k * 2001 + 1} line ${k * 1000}`));
    let waits = 0;
    trace.scan(['wait', 'log'], (e) => void (e.kind === 'wait' && waits++));
    expect(waits).toBe(9000);
    let errors = 0;
    trace.scan(['error', 'stop'], () => void errors++);
    expect(errors).toBe(0);
    trace.add(9000, 0, 'stop', { reason: 'deadlock' });
    trace.scan(['error', 'stop'], (e) => void (e.seq === trace.length - 1 && errors++));
    expect(errors).toBe(1);
  });

  it('forEachSpawn and forEachLog give what the events say, packed or not, across chunks', () => {
    const trace = new TraceRecorder();
    for (let i = 0; i < 9000; i++) {
      if (i % 3 === 0) trace.addSpawn(i, i + 1, i % 2 ? `named ${i}` : null, i, i % 5 === 0 ? 'group' : undefined);
      trace.addRun(i, 1);
      if (i % 7 === 0) trace.addLog(i + 0.5, i % 4, i % 2 ? 'log' : 'error', `line ${i}`);
    }
    const spawns: unknown[] = [];
    trace.forEachSpawn((task, name, parent) => spawns.push({ task, name, parent }));
    const logs: unknown[] = [];
    trace.forEachLog((t, task, level, text) => logs.push({ t, task, level, text }));
    const events = trace.events;
    expect(spawns).toEqual(events.flatMap((e) => (e.kind === 'spawn' ? [{ task: e.task, name: e.detail.name, parent: e.detail.parent }] : [])));
    expect(logs).toEqual(events.flatMap((e) => (e.kind === 'log' ? [{ t: e.t, task: e.task, level: e.detail.level, text: e.detail.text }] : [])));
    expect(spawns).toHaveLength(3000);
    expect(logs).toHaveLength(1286);
    expect(spawns[1]).toEqual({ task: 4, name: 'named 3', parent: 3 });
    expect(spawns[2]).toEqual({ task: 7, name: 'Task-7', parent: 6 });
    // spawnName says what each spawn event says, without a walk; add() of a spawn counts too.
    trace.add(9000, 9001, 'spawn', { name: 'added', parent: 1 });
    for (const e of trace.events) if (e.kind === 'spawn') expect(trace.spawnName(e.task)).toBe(e.detail.name);
    expect(trace.spawnName(9001)).toBe('added');
  });

  it('hands listeners the event as recorded, and drops a listener that throws', () => {
    const trace = new TraceRecorder();
    const got: TraceEvent[] = [];
    trace.listen((e) => got.push(e));
    trace.listen(() => {
      throw new Error('bad listener');
    });
    trace.addReady(2, 4, 1);
    trace.add(3, 4, 'cancel', { message: 'm' });
    expect(got).toEqual(trace.events);
  });
});

describe('a run keeps its trace in the recorder', () => {
  it('ProgramResult.trace is made on first access and matches traceLength', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      const t = createTask(async () => { await sleep(5); console.log('woke'); }, { name: 'sleeper' });
      await t;
    `);
    expect(result.status).toBe('ok');
    expect(result.lines.map((l) => `${l.t} ${l.task} ${l.text}`)).toEqual(['5 sleeper woke']);
    expect(result.trace.length).toBe(result.traceLength);
    const sleeper = result.tasks.find((t) => t.name === 'sleeper')!.id;
    const kinds = result.trace.filter((e) => e.task === sleeper).map((e) => `${e.t} ${e.kind}`);
    expect(kinds).toEqual(['0 spawn', '0 ready', '0 run', '0 wait', '5 ready', '5 run', '5 log', '5 done']);
    expect(result.trace.every((e, i) => e.seq === i)).toBe(true);
  });
});

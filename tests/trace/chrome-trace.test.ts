/** Chrome Trace Event Format export: valid JSON that Perfetto and chrome://tracing accept. */
import { describe, expect, it } from 'vitest';
import { STEP_US, THREAD_TID_BASE, toChromeTrace, type ChromeTraceEvent } from '../../src/trace/chrome-trace.ts';
import { runSource } from '../runtime/run-source.ts';

const program = `
  import { blockFor, createTask, sleep } from 'miniloop';
  async function worker(name: string, ms: number) {
    console.log(name, 'start');
    await sleep(ms);
    console.log(name, 'end');
  }
  const a = createTask(() => worker('a', 30), { name: 'a' });
  const b = createTask(() => worker('b', 10), { name: 'b' });
  setTimeout(() => blockFor(4), 5);
  await a;
  await b;
`;

function byTrack(events: ChromeTraceEvent[]): Map<number, ChromeTraceEvent[]> {
  const tracks = new Map<number, ChromeTraceEvent[]>();
  for (const e of events) {
    if (e.ph === 'M') continue;
    const list = tracks.get(e.tid) ?? [];
    list.push(e);
    tracks.set(e.tid, list);
  }
  return tracks;
}

describe('toChromeTrace', () => {
  it('writes JSON with one named, sorted track per task and well-formed events', async () => {
    const result = await runSource(program, { loopEvents: true });
    expect(result.status).toBe('ok');
    const json = JSON.stringify(toChromeTrace(result));
    const parsed = JSON.parse(json) as { traceEvents: ChromeTraceEvent[] };
    const events = parsed.traceEvents;

    const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    const taskNames = names.filter((e) => e.tid !== 0).map((e) => [e.tid, String(e.args!.name).trim()]);
    expect(taskNames).toEqual(result.tasks.map((t) => [t.id, `${t.name} (#${t.id})`]));
    expect(new Set(names.map((e) => e.tid)).size).toBe(names.length); // one thread_name per track
    const sorts = events.filter((e) => e.ph === 'M' && e.name === 'thread_sort_index');
    expect(sorts.map((e) => e.tid)).toEqual(names.map((e) => e.tid));

    for (const e of events) {
      expect(e.pid).toBe(1);
      if (e.ph === 'X') {
        expect(typeof e.ts).toBe('number');
        expect(typeof e.dur).toBe('number');
        expect(e.dur!).toBeGreaterThan(0);
        expect(typeof e.tid).toBe('number');
      }
      if (e.ph === 'i') expect([typeof e.ts, e.s]).toEqual(['number', 't']);
    }
    for (const [, track] of byTrack(events)) {
      for (let i = 1; i < track.length; i++) expect(track[i]!.ts!).toBeGreaterThanOrEqual(track[i - 1]!.ts!);
    }
  });

  it('puts spans at virtual ms * 1000 and gives running spans a small positive duration', async () => {
    const result = await runSource(program, { loopEvents: true });
    const events = toChromeTrace(result).traceEvents;
    const taskA = result.tasks.find((t) => t.name === 'a')!.id;
    const track = events.filter((e) => e.tid === taskA && e.ph === 'X');
    // a is spawned at 0 and ends at 30; it sleeps 30 ms but the loop was blocked from 5 to 9 (no effect on its wake-up).
    const sleep = track.find((e) => e.name === 'waiting: sleep 30ms')!;
    expect(sleep.ts!).toBeLessThan(1); // at virtual 0, plus a few steps
    expect(sleep.ts! + sleep.dur!).toBeGreaterThanOrEqual(30_000);
    expect(sleep.ts! + sleep.dur!).toBeLessThan(30_001);
    expect(sleep.args!.on).toEqual({ kind: 'sleep', what: 'sleep 30ms' });
    const running = track.filter((e) => e.name === 'running');
    expect(running.length).toBeGreaterThan(0);
    for (const e of running) expect(e.dur!).toBeGreaterThanOrEqual(STEP_US);
    // Spans on a track do not overlap.
    for (let i = 1; i < track.length; i++) expect(track[i]!.ts!).toBeGreaterThanOrEqual(track[i - 1]!.ts! + track[i - 1]!.dur! - 1e-6);
    // Console lines are instant events on the task's track.
    const logs = events.filter((e) => e.tid === taskA && e.ph === 'i' && e.cat === 'log').map((e) => [e.name, Math.floor(e.ts! / 1000)]);
    expect(logs).toEqual([
      ['a start', 0],
      ['a end', 30],
    ]);
  });

  it('draws the loop lane and the blockFor stall on track 0', async () => {
    const result = await runSource(program, { loopEvents: true });
    const loopTrack = toChromeTrace(result).traceEvents.filter((e) => e.tid === 0 && e.ph === 'X');
    const stall = loopTrack.find((e) => e.cat === 'block')!;
    expect(stall.args).toMatchObject({ t: 5, ms: 4 });
    expect(stall.ts! / 1000).toBeCloseTo(5, 2);
    expect((stall.ts! + stall.dur!) / 1000).toBeCloseTo(9, 2);
    expect(loopTrack.some((e) => e.cat === 'macrotask' && e.name === 'setTimeout')).toBe(true);
  });

  it('gives simulated threads their own tracks', () => {
    const trace = [
      { t: 0, task: 1, kind: 'spawn', detail: { name: 'main', parent: 0 } },
      { t: 0, task: 1, kind: 'run', detail: {} },
      { t: 0, task: 1, kind: 'thread', detail: { thread: 2, end: false, label: 'resize image' } },
      { t: 0, task: 1, kind: 'wait', detail: { on: { kind: 'thread', what: 'thread job' } } },
      { t: 50, task: 1, kind: 'thread', detail: { thread: 2, end: true, label: 'resize image' } },
      { t: 50, task: 1, kind: 'run', detail: {} },
      { t: 50, task: 1, kind: 'done', detail: { outcome: 'ok' } },
    ].map((e, seq) => ({ ...e, seq })) as never;
    const events = toChromeTrace({ trace }).traceEvents;
    const tid = THREAD_TID_BASE + 2;
    expect(events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.tid === tid)?.args).toEqual({ name: 'thread 2' });
    const job = events.find((e) => e.ph === 'X' && e.tid === tid)!;
    expect([job.name, job.ts]).toEqual(['resize image', 0.02]); // two steps after 0
    expect(job.ts! + job.dur!).toBeCloseTo(50_000, 6);
  });
});

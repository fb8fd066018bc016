// The facts the runtime records for the inspector (issue 14): lock holders, what made each task
// ready, queue put/get, timers and microtask jobs - and the state rebuilt from them at a moment,
// checked against what the loop itself held at every event of the run.
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { formatStateAt, formatWhy } from '../../src/inspect/format.ts';
import { awaitCycles, awaitEdges } from '../../src/inspect/graph.ts';
import { queuesAfter } from '../../src/inspect/queues.ts';
import { holdersAfter, tasksAfter } from '../../src/inspect/state.ts';
import { getLoop } from '../../src/runtime/loop.ts';
import { runProgram, type ProgramResult } from '../../src/runtime/program.ts';
import type { TraceEvent } from '../../src/runtime/trace.ts';

async function run(source: string, loopEvents = true, onEvent?: (e: TraceEvent) => void): Promise<ProgramResult> {
  const compiled = await compileInNode(source, 'main.ts');
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('\n'));
  return runProgram(compiled, { lang: 'en', loopEvents, ...(onEvent ? { onEvent } : {}) });
}
const idOf = (r: ProgramResult, name: string) => r.tasks.find((t) => t.name === name)!.id;
const kinds = (r: ProgramResult) => new Set(r.trace.map((e) => e.kind));

const TWO_LOCKS = `
import { createTask, gather, Lock, sleep } from 'miniloop';
const a = new Lock({ name: 'lock A' });
const b = new Lock({ name: 'lock B' });
async function worker(first: Lock, second: Lock) {
  await first.acquire();
  await sleep(10);
  await second.acquire();
}
const t1 = createTask(() => worker(a, b), { name: 'left' });
const t2 = createTask(() => worker(b, a), { name: 'right' });
await gather(t1, t2);
`;

describe('lock holders are recorded (hold facts)', () => {
  it('a deadlock through two locks whose labels name no task shows as a cycle through the holders', async () => {
    const r = await run(TWO_LOCKS, false);
    const holders = holdersAfter(r.trace, r.trace.length);
    expect(holders.get('lock:lock A')).toEqual([idOf(r, 'left')]);
    expect(holders.get('lock:lock B')).toEqual([idOf(r, 'right')]);
    const edges = awaitEdges(tasksAfter(r.trace, r.trace.length), holders);
    expect(awaitCycles(edges)).toEqual([[idOf(r, 'left'), idOf(r, 'right')].sort((x, y) => x - y)]);
    expect(formatStateAt(r.trace, { kind: 'end' }, 'en')).toContain('Cycle (deadlock): left -> lock B -> right -> lock A -> left');
  });

  it('without the hold facts the same graph has no cycle (so the check above depends on them)', async () => {
    const r = await run(TWO_LOCKS, false);
    const edges = awaitEdges(tasksAfter(r.trace, r.trace.length));
    expect(awaitCycles(edges)).toEqual([]);
  });

  it('release removes the holder', async () => {
    const r = await run(`import { Lock } from 'miniloop';
const l = new Lock({ name: 'L' });
await l.acquire(); l.release();`, false);
    expect(r.trace.filter((e) => e.kind === 'hold').map((e) => (e.detail as { held: boolean }).held)).toEqual([true, false]);
    expect(holdersAfter(r.trace, r.trace.length).get('lock:L')).toEqual([]);
  });
});

describe('what made a task ready is recorded (wake facts)', () => {
  it('a future completed by another task names that task, not inferred', async () => {
    const r = await run(`import { createTask, Future, sleep } from 'miniloop';
const f = new Future<number>({ kind: 'future', what: 'the answer' });
const setter = createTask(async () => { await sleep(5); f.setResult(42); }, { name: 'setter' });
console.log(await f);`);
    const why = formatWhy(r.trace, 1, 'en').text;
    expect(why).toContain('main was made ready by setter, which completed what it awaited (it waited on the answer [future])');
    expect(why).not.toContain('the last task to run');
    expect(why).toMatch(/setter was made ready because timer #\d+ fired/);
  });

  it('a timer wake names the timer set in the trace, and the chain goes back to where it was set', async () => {
    const r = await run(`import { sleep } from 'miniloop';
await sleep(7); console.log('late');`);
    const wake = r.trace.find((e) => e.kind === 'wake' && 'timer' in e.detail)!;
    const set = r.trace.find((e) => e.kind === 'timer' && e.detail.op === 'set')!;
    expect(wake.detail).toEqual({ by: set.task, timer: (set.detail as { id: number }).id });
    expect((set.detail as { due: number }).due).toBe(7);
  });

  it('a lock released by a task wakes its waiter with that task as the cause', async () => {
    const r = await run(`import { createTask, gather, Lock, sleep } from 'miniloop';
const l = new Lock({ name: 'L' });
async function w(n: string) { await l.acquire(); await sleep(1); l.release(); console.log(n); }
await gather(createTask(() => w('a'), { name: 'A' }), createTask(() => w('b'), { name: 'B' }));`);
    expect(formatWhy(r.trace, 2, 'en').text).toContain('B was made ready by A, which completed what it awaited (it waited on L [lock])');
  });

  it('records no wake, timer or microtask facts unless the run asks for loop events', async () => {
    const r = await run(`import { sleep } from 'miniloop'; await sleep(1); await Promise.resolve();`, false);
    for (const k of ['wake', 'timer', 'microtask']) expect(kinds(r).has(k as TraceEvent['kind'])).toBe(false);
  });
});

describe('queues at a moment', () => {
  it('queue put/get are recorded with the size after', async () => {
    const r = await run(`import { Queue } from 'miniloop';
const q = new Queue<number>();
await q.put(1); await q.put(2); await q.get();`, false);
    const ops = r.trace.filter((e) => e.kind === 'queue').map((e) => { const d = e.detail as { op: string; size: number }; return `${d.op}:${d.size}`; });
    expect(ops).toEqual(['put:1', 'put:2', 'get:1']);
  });

  it('timers pending, soonest first, and a cancelled timer leaves the list', async () => {
    const r = await run(`setTimeout(() => console.log('a'), 30);
setTimeout(() => console.log('b'), 10);
const c = setTimeout(() => {}, 20);
clearTimeout(c);
console.log('set');`);
    const afterLog = r.trace.findIndex((e) => e.kind === 'log') + 1;
    expect(queuesAfter(r.trace, afterLog).timers.map((t) => t.due)).toEqual([10, 30]);
    expect(queuesAfter(r.trace, r.trace.length).timers).toEqual([]);
  });

  it('rebuilt state equals what the loop held, at every event (running task, microtask queue length)', async () => {
    const live: Array<{ running: number; jobs: number }> = [];
    let jobs = 0;
    const r = await run(`
async function f(n: number) { await null; await Promise.resolve(n); console.log(n); }
const p = [f(1), f(2)];
Promise.resolve().then(() => console.log('then'));
await Promise.all(p);
await new Promise((res) => setTimeout(res, 5));`, true, (e) => {
      if (e.kind === 'microtask') jobs += e.detail.op === 'queue' ? 1 : -1;
      live.push({ running: getLoop().current?.id ?? 0, jobs });
    });
    expect(r.trace.length).toBe(live.length);
    for (let i = 0; i < r.trace.length; i++) {
      const tasks = tasksAfter(r.trace, i + 1);
      const running = tasks.filter((t) => t.state === 'running').map((t) => t.id);
      const kind = r.trace[i]!.kind;
      // At a run (switch done) or a console line (code running) the loop's current task is the one running.
      // (A wait or ready that closes a stretch is recorded while the loop still names the old task.)
      if (kind === 'run' || kind === 'log') expect(running, `event ${i} ${kind}`).toEqual([live[i]!.running]);
      else expect(running.length, `event ${i} ${kind}`).toBeLessThanOrEqual(1);
      expect(queuesAfter(r.trace, i + 1).microtasks.length).toBe(live[i]!.jobs);
    }
  });
});

describe('network messages name their sender', () => {
  it('--why on a line of the websocket chat example walks back to a message ann sent', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../content/examples/asyncio-by-example/websocket-chat.ts', import.meta.url), 'utf8');
    const r = await run(source);
    const messages = r.trace.filter((e) => e.kind === 'message');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((e) => e.kind === 'message' && r.tasks.find((t) => t.id === e.detail.from)?.name === 'ann')).toBe(true);
    expect(formatWhy(r.trace, 3, 'en').text).toContain('because a message sent by ann arrived on the simulated network');
  });
});

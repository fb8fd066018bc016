/**
 * What the timeline and the deadlock report learn from the asyncio layer:
 * every wait names the primitive and its instance number ("lock#1",
 * "queue#2 get"), TaskGroup children carry their group in the spawn event,
 * and a program stuck on a primitive is reported with what each task waits on.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent, WaitLabel } from '../../src/runtime/trace.ts';
import { runSource } from './run-source.ts';

const PRELUDE = `import * as ml from 'miniloop';\n`;

/** The wait labels of the task named `name`, in order. */
function waitsOf(result: { trace: TraceEvent[]; tasks: Array<{ id: number; name: string }> }, name: string): WaitLabel[] {
  const id = result.tasks.find((t) => t.name === name)!.id;
  return result.trace.flatMap((e) => (e.kind === 'wait' && e.task === id ? [e.detail.on] : []));
}

describe('wait labels', () => {
  it('name each primitive and its instance', async () => {
    const result = await runSource(`${PRELUDE}
const lock = new ml.Lock();
const lock2 = new ml.Lock();
const sem = new ml.Semaphore(0);
const ev = new ml.Event();
const cond = new ml.Condition();
const q = new ml.Queue<number>(1);
const barrier = new ml.Barrier(2);
await lock2.acquire();
// Wake-ups come from helper tasks (a setTimeout callback would run attributed to the waiting task itself).
const later = (fn: () => unknown) => ml.createTask(async () => { await ml.sleep(1); await fn(); });
await ml.createTask(async () => {
  const waiter = ml.createTask(async () => { await lock2.acquire(); lock2.release(); });
  later(() => lock2.release());
  await waiter;
  const s = ml.createTask(async () => { await sem.acquire(); });
  later(() => sem.release());
  await s;
  later(() => ev.set());
  await ev.wait();
  await cond.acquire();
  later(() => cond.withLock(() => cond.notify()));
  await cond.wait();
  cond.release();
  q.putNowait(1);
  later(() => q.getNowait());
  await q.put(2);
  q.getNowait();
  later(() => q.putNowait(3));
  await q.get();
  later(() => { q.taskDone(); q.taskDone(); q.taskDone(); });
  await q.join();
  ml.createTask(() => barrier.wait());
  await barrier.wait();
}, { name: 'user' });
`);
    expect(result.problems).toEqual([]);
    expect(waitsOf(result, 'user')).toEqual([
      { kind: 'task', what: 'task Task-3' },
      { kind: 'task', what: 'task Task-5' },
      { kind: 'event', what: 'event#1' },
      { kind: 'condition', what: 'condition#1' },
      { kind: 'queue', what: 'queue#1 put' },
      { kind: 'queue', what: 'queue#1 get' },
      { kind: 'queue', what: 'queue#1 join' },
      { kind: 'barrier', what: 'barrier#1' },
    ]);
    expect(waitsOf(result, 'Task-3')).toEqual([{ kind: 'lock', what: 'lock#2' }]);
    expect(waitsOf(result, 'Task-5')).toEqual([{ kind: 'semaphore', what: 'semaphore#1' }]);
  });

  it('accept a name for the timeline', async () => {
    const result = await runSource(`${PRELUDE}
const db = new ml.Semaphore(0, { name: 'db pool' });
setTimeout(() => db.release(), 5);
await db.acquire();
`);
    expect(waitsOf(result, 'main')).toEqual([{ kind: 'semaphore', what: 'db pool' }]);
  });

  it('show gather, TaskGroup exit and timeouts', async () => {
    const result = await runSource(`${PRELUDE}
await ml.gather(() => ml.sleep(5), () => ml.sleep(10));
await ml.withTaskGroup(async (tg) => { tg.createTask(() => ml.sleep(5)); });
await ml.wait([ml.createTask(() => ml.sleep(5))]);
`);
    expect(waitsOf(result, 'main')).toEqual([
      { kind: 'future', what: 'gather (2)' },
      { kind: 'nursery', what: 'taskgroup#1' },
      { kind: 'future', what: 'wait (1)' },
    ]);
  });
});

describe('TaskGroup on the timeline', () => {
  it('children spawn with the group name; nested groups get their own', async () => {
    const result = await runSource(`${PRELUDE}
await ml.withTaskGroup(async (outer) => {
  outer.createTask(() => ml.sleep(1), { name: 'a' });
  outer.createTask(() => ml.withTaskGroup(async (inner) => {
    inner.createTask(() => ml.sleep(1), { name: 'c' });
  }), { name: 'b' });
});
ml.createTask(() => ml.sleep(1), { name: 'loose' });
await ml.withTaskGroup((tg) => { tg.createTask(() => ml.sleep(1), { name: 'd' }); }, { name: 'downloads' });
`);
    const spawns = result.trace.flatMap((e) => (e.kind === 'spawn' ? [[e.detail.name, e.detail.group ?? null]] : []));
    expect(spawns).toEqual([
      ['main', null],
      ['a', 'taskgroup#1'],
      ['b', 'taskgroup#1'],
      ['c', 'taskgroup#2'],
      ['loose', null],
      ['d', 'downloads'],
    ]);
  });
});

describe('deadlock report', () => {
  it('names the primitive each blocked task waits on', async () => {
    const result = await runSource(`${PRELUDE}
const lock = new ml.Lock();
const q = new ml.Queue<number>();
await lock.acquire();
ml.createTask(async () => { await lock.acquire(); }, { name: 'locker' });
await q.get();
`);
    expect(result.status).toBe('failed');
    const deadlock = result.problems.find((p) => p.kind === 'deadlock')!;
    expect(deadlock.message).toContain('task main waits on queue#1 get');
    expect(deadlock.message).toContain('task locker waits on lock#1');
  });
});

/**
 * What a task waits on (src/runtime/wait-labels.ts): a sleep is carried as its
 * duration and shown as its label wherever the label is read - the trace's
 * `wait` events, a future's `label`, a deadlock report.
 */
import { describe, expect, it } from 'vitest';
import { formatMs } from '../../src/trace/format-ms.ts';
import { sleepLabel, waitLabelOf } from '../../src/runtime/wait-labels.ts';
import type { WaitLabel } from '../../src/runtime/trace.ts';
import { runSource } from './run-source.ts';

function waitsOf(result: Awaited<ReturnType<typeof runSource>>, name: string): WaitLabel[] {
  const id = result.tasks.find((t) => t.name === name)!.id;
  return result.trace.flatMap((e) => (e.task === id && e.kind === 'wait' ? [e.detail.on] : []));
}

describe('wait labels', () => {
  it('shows a sleep of any duration as "sleep <time>" in the trace, one shared label per duration', async () => {
    const durations = [1500, 1500, 0.5, 2.25, 65_535, 65_536, 90_000.5, 3_600_000];
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      const durations = ${JSON.stringify(durations)};
      await Promise.all(durations.map((ms, i) => createTask(async () => { await sleep(ms); }, { name: 't' + i })));
    `);
    const labels = durations.map((_, i) => waitsOf(result, `t${i}`));
    expect(labels.map((l) => l.length)).toEqual(durations.map(() => 1));
    expect(labels.map((l) => l[0])).toEqual(durations.map((ms) => ({ kind: 'sleep', what: `sleep ${formatMs(ms, { compact: true })}` })));
    expect(labels[0]![0]).toBe(labels[1]![0]);
    expect(labels[0]![0]!.what).toBe('sleep 1.5s');
  });

  it('labels a sleep given its duration as a string by the number, as setTimeout counts it', async () => {
    // The label used to be the string itself, and reading the trace then threw (a WeakMap key).
    const result = await runSource(`
      import { createTask, now, sleep } from 'miniloop';
      await createTask(async () => { await sleep('20' as any); console.log(now()); }, { name: 's' });
      const s = sleep({ valueOf: () => 30 } as any);
      console.log(JSON.stringify(s.label));
    `);
    expect(result.lines.map((l) => l.text)).toEqual(['20', '{"kind":"sleep","what":"sleep 30ms"}']);
    expect(waitsOf(result, 's')).toEqual([{ kind: 'sleep', what: 'sleep 20ms' }]);
  });

  it('gives a sleep future the same label as the trace, and a task awaiting a task waits on "task NAME"', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      const s = sleep(250);
      console.log(JSON.stringify(s.label));
      const worker = createTask(async () => { await s; }, { name: 'worker' });
      const boss = createTask(async () => { await worker; }, { name: 'boss' });
      await boss;
    `);
    expect(result.lines.map((l) => l.text)).toEqual([JSON.stringify({ kind: 'sleep', what: 'sleep 250ms' })]);
    expect(waitsOf(result, 'worker')).toEqual([{ kind: 'sleep', what: 'sleep 250ms' }]);
    expect(waitsOf(result, 'boss')).toEqual([{ kind: 'task', what: 'task worker' }]);
  });

  it('names what each deadlocked task waits on in the report (Task.waitLabel reads the label)', async () => {
    const result = await runSource(`
      import { createTask, sleep, Event } from 'miniloop';
      const never = new Event({ name: 'never' });
      createTask(async () => { await never.wait(); }, { name: 'stuck' });
      await sleep(40);
      await never.wait();
    `);
    const deadlock = result.problems.find((p) => p.kind === 'deadlock');
    expect(deadlock?.blocked?.map((b) => `${b.task}: ${b.on.what}`).sort()).toEqual(['main: never', 'stuck: never']);
  });

  it('waitLabelOf: a number is the label of a sleep of that many ms, a label is itself', () => {
    const label: WaitLabel = { kind: 'lock', what: 'lock#1' };
    expect(waitLabelOf(label)).toBe(label);
    expect(waitLabelOf(100)).toBe(sleepLabel(100));
    expect(waitLabelOf(100)).toEqual({ kind: 'sleep', what: 'sleep 100ms' });
    expect(Object.isFrozen(sleepLabel(100))).toBe(true);
  });
});

/**
 * The run's live tasks (src/runtime/live-tasks.ts): a list indexed by task id
 * instead of a Set. What must hold: creation order, removal of exactly the
 * ended task, the ended prefix dropped without losing a live task, and what
 * programs see through asyncio.all_tasks, run()'s shutdown and the deadlock report.
 */
import { describe, expect, it } from 'vitest';
import { LiveTasks } from '../../src/runtime/live-tasks.ts';
import { runSource } from './run-source.ts';

const task = (id: number) => ({ id });

describe('LiveTasks', () => {
  it('lists live tasks in creation order and forgets ended ones', () => {
    const live = new LiveTasks<{ id: number }>();
    const tasks = [1, 2, 3, 4, 5].map(task);
    for (const t of tasks) live.add(t);
    live.delete(tasks[1]!);
    live.delete(tasks[3]!);
    expect(Array.from(live.toList()).map((t) => t.id)).toEqual([1, 3, 5]);
    expect(live.size).toBe(3);
    // Deleting twice, or a task that is not the one with that id, changes nothing.
    live.delete(tasks[1]!);
    live.delete(task(3));
    expect(live.size).toBe(3);
    expect(Array.from(live.toList()).map((t) => t.id)).toEqual([1, 3, 5]);
    // has: exactly the live ones, and not another object with a live task's id.
    expect(tasks.map((t) => live.has(t))).toEqual([true, false, true, false, true]);
    expect(live.has(task(3))).toBe(false);
    expect(live.has(task(6))).toBe(false);
  });

  it('refuses a task whose id is not the next one', () => {
    const live = new LiveTasks<{ id: number }>();
    live.add(task(1));
    expect(() => live.add(task(3))).toThrow(/out of order/);
  });

  it('keeps every live task while long ended prefixes are dropped', () => {
    const live = new LiveTasks<{ id: number }>();
    const tasks: Array<{ id: number }> = [];
    let next = 1;
    const expected = new Set<number>();
    // Waves: make 5,000 tasks, then end, oldest first, every task but this wave's every 997th
    // (so the ended prefix grows past half the list and the list is shifted down).
    for (let wave = 0; wave < 4; wave++) {
      const first = next;
      for (let i = 0; i < 5000; i++) {
        const t = task(next++);
        tasks.push(t);
        live.add(t);
        expected.add(t.id);
      }
      for (const t of tasks) {
        if ((t.id < first || t.id % 997 !== 0) && expected.has(t.id)) {
          live.delete(t);
          expected.delete(t.id);
        }
      }
      expect(Array.from(live.toList()).map((t) => t.id)).toEqual([...expected].sort((a, b) => a - b));
      expect(live.size).toBe(expected.size);
    }
    for (const t of tasks) expect(live.has(t)).toBe(expected.has(t.id));
    // Ending the survivors leaves nothing; new tasks still come in order after that.
    for (const t of tasks) live.delete(t);
    expect(live.size).toBe(0);
    const later = task(next++);
    live.add(later);
    expect(Array.from(live.toList())).toEqual([later]);
  });
});

describe('live tasks as programs see them', () => {
  it('all_tasks lists the tasks not done, oldest first, after many others ended', async () => {
    const result = await runSource(`
      import { createTask, sleep, allTasks, currentTask } from 'miniloop';
      const keep = [];
      for (let i = 0; i < 3000; i++) {
        const t = createTask(async () => { await sleep(i % 500 === 7 ? 1000 : 1); }, { name: 'w' + i });
        if (i % 500 === 7) keep.push(t);
      }
      await sleep(10);
      console.log([...allTasks()].map((t) => t.getName()).join(' '));
      console.log(allTasks().has(currentTask()), allTasks().size);
    `);
    expect(result.problems).toEqual([]);
    expect(result.lines.map((l) => l.text)).toEqual(['main w7 w507 w1007 w1507 w2007 w2507', 'true 7']);
  });

  it('a deadlock lists the blocked tasks in creation order', async () => {
    const result = await runSource(`
      import { createTask, Future } from 'miniloop';
      const never = new Future();
      for (let i = 0; i < 2000; i++) createTask(async () => { if (i === 1500 || i === 20) await never; }, { name: 't' + i });
      await never;
    `);
    const deadlock = result.problems.find((p) => p.kind === 'deadlock');
    expect(deadlock?.blocked?.map((b) => b.task)).toEqual(['main', 't20', 't1500']);
  });
});

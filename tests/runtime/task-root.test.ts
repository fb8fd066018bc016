/**
 * A task whose body is an async function holds no reaction on the body's
 * promise while it runs: the frame adds the task's reaction when it completes,
 * at the head of the list. These tests pin that the order of reactions (and
 * so what code observes) is what it would be had the task called then() when
 * it started.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

async function lines(source: string): Promise<string[]> {
  const result = await runSource(source);
  expect(result.problems).toEqual([]);
  return result.lines.map((l) => l.text);
}

describe('a task and the promise of its async body', () => {
  it("the task settles before reactions added to the body's promise later", async () => {
    expect(
      await lines(`
        import { createTask, sleep } from 'miniloop';
        let p!: Promise<string>;
        async function body() { await sleep(1); return 'x'; }
        const t = createTask(() => (p = body()));
        await sleep(0);
        p.then((v) => console.log('then', v, t.done()));
        await t;
        console.log('task', t.result());
      `),
    ).toEqual(['then x true', 'task x']);
  });

  it('a reaction added before the body returned runs first (the task then waits as usual)', async () => {
    expect(
      await lines(`
        import { createTask, sleep } from 'miniloop';
        async function body() { await sleep(1); return 'x'; }
        const t = createTask(() => {
          const p = body();
          p.then(() => console.log('early', t.done()));
          return p;
        });
        await t;
        console.log('task', t.result());
      `),
    ).toEqual(['early false', 'task x']);
  });

  it('a body that returns a promise settles the task when that promise does, one tick per spec', async () => {
    expect(
      await lines(`
        import { createTask, sleep } from 'miniloop';
        const t = createTask(async () => {
          await sleep(1);
          return new Promise<string>((resolve) => setTimeout(() => resolve('late'), 5));
        });
        await sleep(3);
        console.log('at 3', t.done());
        console.log('result', await t);
      `),
    ).toEqual(['at 3 false', 'result late']);
  });

  it('a failing body fails the task, and its promise is not reported as an unhandled rejection', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      const t = createTask(async () => { await sleep(1); throw new Error('boom'); });
      try { await t; } catch (e) { console.log('caught', (e as Error).message); }
    `);
    expect(result.lines.map((l) => l.text)).toEqual(['caught boom']);
    expect(result.problems).toEqual([]);
  });

  it('a failure nobody retrieves is still reported once, as the task exception', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      createTask(async () => { await sleep(1); throw new Error('lost'); }, { name: 'loser' });
      await sleep(5);
    `);
    expect(result.problems.map((p) => p.kind)).toEqual(['unretrieved']);
    expect(result.problems[0]!.message).toContain('task loser');
  });
});

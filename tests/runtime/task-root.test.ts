/**
 * A task whose body is an async function holds no reaction on the body's
 * promise while it runs: the frame adds the task's reaction when it completes,
 * at the head of the list. These tests pin that the order of reactions (and
 * so what code observes) is what it would be had the task called then() when
 * it started.
 */
import { queryObjects } from 'node:v8';
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

/**
 * A task given a lowered async function itself (`createTask(asyncFn)`) starts
 * its body's frame without a promise and queues its own reaction job when the
 * frame completes (driver.ts, UNMADE). Given `() => asyncFn()` instead, the
 * body is a plain arrow and its frame keeps a promise the task adopts: the
 * path of the tests above. Both must do exactly the same, so each program
 * below runs both ways and the whole results are compared (console, problems,
 * trace; with the loop's own events, so every microtask job shows).
 */
describe("a task's own async body, started without a promise", () => {
  /** Run `source` with BODY(f) meaning `f` itself, then `() => f()`; both results. */
  async function bothWays(source: string): Promise<[unknown, unknown]> {
    const run = async (wrap: string): Promise<unknown> => {
      const result = await runSource(source.replaceAll(/BODY\((\w+)\)/g, wrap), { loopEvents: true });
      return { lines: result.lines, problems: result.problems, trace: result.trace.map(({ seq: _seq, ...rest }) => rest) };
    };
    return [await run('$1'), await run('() => $1()')];
  }

  const programs: Record<string, string> = {
    'ends after an await, among other microtasks': `
      import { createTask, sleep } from 'miniloop';
      async function body() { await sleep(1); Promise.resolve().then(() => console.log('job')); return 'x'; }
      const t = createTask(BODY(body));
      t.addDoneCallback(() => console.log('done callback'));
      await sleep(1);
      Promise.resolve().then(() => console.log('main job'));
      console.log('result', await t);
    `,
    'ends before its first await': `
      import { createTask } from 'miniloop';
      async function body() { console.log('ran'); return 7; }
      const t = createTask(BODY(body));
      console.log('result', await t);
    `,
    'throws before its first await': `
      import { createTask } from 'miniloop';
      async function body(): Promise<never> { throw new Error('early'); }
      const t = createTask(BODY(body));
      try { await t; } catch (e) { console.log('caught', (e as Error).message); }
    `,
    'throws after an await, and nobody retrieves it': `
      import { createTask, sleep } from 'miniloop';
      async function body(): Promise<never> { await sleep(2); throw new Error('lost'); }
      createTask(BODY(body), { name: 'loser' });
      await sleep(5);
    `,
    'returns a thenable': `
      import { createTask, sleep } from 'miniloop';
      async function body() { await sleep(1); return { then(ok: (v: string) => void) { console.log('then called'); ok('via then'); } }; }
      const t = createTask(BODY(body));
      Promise.resolve().then(() => console.log('tick'));
      console.log('result', await t);
    `,
    'is cancelled while it sleeps': `
      import { createTask, sleep, CancelledError } from 'miniloop';
      async function body() { try { await sleep(10); } finally { console.log('cleanup'); } }
      const t = createTask(BODY(body));
      await sleep(1);
      t.cancel();
      try { await t; } catch (e) { console.log('cancelled', e instanceof CancelledError); }
    `,
    'a parameter default calls another async function': `
      import { createTask, sleep } from 'miniloop';
      let kept!: Promise<string>;
      async function inner() { await sleep(1); return 'inner'; }
      async function body(x = (kept = inner())) { console.log('kept is a promise', kept instanceof Promise); return x; }
      const t = createTask(BODY(body));
      kept.then((v) => console.log('kept then', v));
      console.log('result', await (await t));
    `,
  };

  for (const [name, source] of Object.entries(programs)) {
    it(name, async () => {
      const [direct, wrapped] = await bothWays(source);
      expect(direct).toEqual(wrapped);
      const { lines: said, problems } = direct as { lines: unknown[]; problems: unknown[] };
      expect(said.length + problems.length).toBeGreaterThan(0);
    });
  }

  it('1,000 tasks made with `createTask(async () => ...)` sleep without a promise each; made another way, each has one', async () => {
    // What "without a promise" saves, counted: live objects of the run's Promise class while every task sleeps.
    const promisesWhileAsleep = async (create: string): Promise<number> => {
      let count = -1;
      const result = await runSource(
        `import { createTask, sleep } from 'miniloop';
         (globalThis as { loopPromise?: unknown }).loopPromise = Promise;
         for (let i = 0; i < 1000; i++) { ${create} }
         await sleep(5);
         console.log('all asleep');`,
        {
          onEvent(event) {
            if (event.kind === 'log') count = queryObjects((globalThis as unknown as { loopPromise: new () => unknown }).loopPromise, { format: 'count' }) as number;
          },
        },
      );
      expect(result.lines.map((l) => l.text)).toEqual(['all asleep']);
      return count;
    };
    expect(await promisesWhileAsleep(`createTask(async () => { await sleep(10); });`)).toBeLessThan(10);
    // The direct path is taken for the async function made last: here another one is made after it.
    expect(await promisesWhileAsleep(`const f = async () => { await sleep(10); }; const g = async () => {}; createTask(f);`)).toBeGreaterThanOrEqual(1000);
    expect(await promisesWhileAsleep(`createTask(() => (async () => { await sleep(10); })());`)).toBeGreaterThanOrEqual(1000);
  });

  it('a plain function given %AsyncFunction.prototype% still returns the real promise it made', async () => {
    // What the driver trusts is which function the compiler's helper saw made last (Driver.directShell);
    // a program can give any function the async prototype, but cannot make it that one.
    expect(
      await lines(`
        import { createTask, sleep } from 'miniloop';
        let kept!: Promise<string>;
        async function work() { await sleep(1); return 'w'; }
        const plain = () => (kept = work());
        Object.setPrototypeOf(plain, Object.getPrototypeOf(async function () {}));
        const t = createTask(plain);
        await sleep(0); // the task's first step
        kept.then((v) => console.log('kept then', v));
        console.log('result', await t);
      `),
    ).toEqual(['kept then w', 'result w']);
  });

  it('an arrow with a parameter default: spreading its arguments runs a patched iterator before the frame starts', async () => {
    expect(
      await lines(`
        import { createTask, sleep } from 'miniloop';
        let kept: Promise<string> | undefined;
        async function work() { await sleep(1); return 'w'; }
        const original = Array.prototype[Symbol.iterator];
        Array.prototype[Symbol.iterator] = function (this: unknown[]) {
          kept ??= work();
          return original.call(this);
        };
        const t = createTask(async (x = String(1)) => x);
        await sleep(0); // the task's first step, through the patched iterator
        Array.prototype[Symbol.iterator] = original;
        const n = await t;
        console.log("arg", n, "kept is a promise", kept instanceof Promise);
        console.log('kept', await kept!);
      `),
    ).toEqual(['arg 1 kept is a promise true', 'kept w']);
  });
});

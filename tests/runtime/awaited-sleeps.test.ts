/**
 * `await sleep(ms)` without a future (src/compiler/awaited-sleeps.ts, runtime/traps.ts SLEEP): the
 * compiler renames only the awaits of the module's own `sleep`, and a program run with them prints,
 * traces and fails exactly as it does with the plain `sleep(ms)` they replace - the guide's
 * examples and exercises, the corpora, and programs written here for what could differ
 * (cancellation at each point of a sleep, a frame sleeping again after a cancelled sleep, the
 * layers and options that keep the future).
 */
import { describe, expect, it } from 'vitest';
import type { CompiledProgram } from '../../src/contract/program.ts';
import { Future } from '../../src/runtime/future.ts';
import { runProgram, type ProgramOptions } from '../../src/runtime/program.ts';
import { aliveWhileAsleep, compileSource, projectPrograms, whatReaderSees } from './run-source.ts';


/** How many awaited sleeps the compiler gave to `__sleep`. */
async function renamed(source: string): Promise<number> {
  return (await compileSource(source)).code.split('__sleep(').length - 1;
}

/**
 * The same program with each `__sleep(` given back the name it had (padded to the same length, so
 * every column and the source map stay as they are): `sleep(ms)` with its future.
 */
function withFutures(program: CompiledProgram): CompiledProgram {
  if (!program.code.includes('__sleep(')) return program;
  const declaration = /const \{([^}]*)\} = __ml;/.exec(program.code)?.[1] ?? '';
  const name = /\bsleep(?:\s*:\s*([\w$]+))?/.exec(declaration);
  if (name === null) throw new Error('no sleep imported');
  const callee = name[1] ?? 'sleep';
  if (callee.length > '__sleep'.length) throw new Error(`cannot give back ${callee} in place`);
  return { ...program, code: program.code.replaceAll('__sleep(', `${callee.padStart('__sleep'.length)}(`) };
}

/** What a reader can see of a run: status, lines, problems and every trace event. */
function seen(program: CompiledProgram, options: ProgramOptions): string {
  return whatReaderSees(runProgram(program, { outputLimit: 100_000, ...options }));
}

/** Run `source` with its awaited sleeps and with futures; both runs must show the same; returns how many were renamed. */
async function sameBothWays(source: string, options: ProgramOptions = {}): Promise<number> {
  const program = await compileSource(source);
  expect(seen(program, options)).toBe(seen(withFutures(program), options));
  return program.code.split('__sleep(').length - 1;
}

describe('which sleeps the compiler renames', () => {
  const cases: Array<[string, string, number]> = [
    ['an awaited sleep at the top level', `import { sleep } from 'miniloop'; await sleep(1);`, 1],
    ['in an async function, an arrow, a method', `import { sleep } from 'miniloop'; async function f() { await sleep(1); } const g = async () => { await sleep(2); }; const o = { async m() { return await sleep(3); } }; await f(); await g(); await o.m();`, 3],
    ['in a state machine', `import { createTask, sleep } from 'miniloop'; for (let i = 0; i < 2; i++) createTask(async () => { await sleep(i); console.log(i); });`, 1],
    ['imported under another name', `import { sleep as nap } from 'miniloop'; await nap(1);`, 1],
    ['with a value to produce', `import { sleep } from 'miniloop'; console.log(await sleep(1, 'v'));`, 0],
    ['with a spread argument', `import { sleep } from 'miniloop'; const a = [1]; await sleep(...a);`, 0],
    ['kept before it is awaited', `import { sleep } from 'miniloop'; const s = sleep(1); await s;`, 0],
    ['passed on', `import { gather, sleep } from 'miniloop'; await gather(sleep(1), sleep(2));`, 0],
    ['called optionally', `import { sleep } from 'miniloop'; await sleep?.(1);`, 0],
    ['a sleep of the program', `import { sleep as s } from 'miniloop'; const sleep = async (ms: number) => s(ms); await sleep(1);`, 0],
    ['a parameter named sleep', `const f = async (sleep: (ms: number) => Promise<void>) => { await sleep(1); }; await f(async () => {});`, 0],
    ['yielded by an async generator', `import { sleep } from 'miniloop'; async function* g() { yield sleep(1); } for await (const f of g()) console.log(typeof f);`, 0],
    ['yielded by a generator', `import { sleep } from 'miniloop'; function* g() { yield sleep(1); } for (const f of g()) await f;`, 0],
    ['in a program that names __sleep', `import { sleep } from 'miniloop'; const __sleep = 1; await sleep(__sleep);`, 0],
    ['from an __ml of the program', `{ const __ml = { sleep: async (ms: number) => ms }; const { sleep } = __ml; await sleep(1); }`, 0],
  ];
  it.each(cases)('%s', async (_, source, count) => {
    expect(await renamed(source)).toBe(count);
  });
});

describe('a program shows the same with or without futures for its sleeps', () => {
  // Each program here puts a sleep's cancellation, or the path that keeps the future, where it could differ.
  const programs: Array<[string, string, ProgramOptions?]> = [
    [
      'a sleep cancelled, then slept again to the same instant as the cancelled one',
      `import { createTask, sleep, now } from 'miniloop';
       const late = createTask(async () => { await sleep(100); console.log('late', now()); });
       const t = createTask(async () => {
         try { await sleep(100); } catch (e) { console.log('caught', e.name, e.message, now()); }
         await sleep(90);
         console.log('again', now());
         await sleep(5);
         console.log('and again', now());
       }, { name: 't' });
       const other = createTask(async () => { await sleep(10); await sleep(90); console.log('other', now()); });
       await sleep(10);
       t.cancel('stop');
       await Promise.all([late, t, other]);`,
    ],
    [
      'cancelled after the sleep ended, before the wake-up ran',
      `import { createTask, sleep, now } from 'miniloop';
       let b: any;
       const a = createTask(async () => { await sleep(50); console.log('a cancels b', b.cancel()); });
       b = createTask(async () => { try { await sleep(50); console.log('b woke'); } catch (e) { console.log('b', e.name, now()); } });
       await sleep(60);
       console.log(a.done(), b.cancelled(), b.done());`,
    ],
    [
      'cancelled before it sleeps, and twice',
      `import { createTask, currentTask, sleep, now } from 'miniloop';
       const t = createTask(async () => {
         currentTask()!.cancel('early');
         try { await sleep(10); } catch (e) { console.log('early', e.message, now(), currentTask()!.cancelling()); }
         currentTask()!.uncancel();
         await sleep(10);
         console.log('slept', now());
       });
       const u = createTask(async () => { await sleep(30); });
       await sleep(1);
       console.log(u.cancel('one'), u.cancel('two'), u.cancelling());
       try { await u; } catch (e) { console.log('u', e.name, e.message); }
       await t;`,
    ],
    [
      'timeouts, waitFor, a task group, gather with exceptions',
      `import { createTask, gather, sleep, timeout, waitFor, withTaskGroup, now } from 'miniloop';
       const slow = async (ms: number, v: string) => { await sleep(ms); return v; };
       try { await timeout(10, async () => { await sleep(100); }); } catch (e) { console.log('timeout', e.name, now()); }
       try { await waitFor(slow(100, 'x'), 20); } catch (e) { console.log('waitFor', e.name, now()); }
       console.log(await waitFor(slow(5, 'fast'), 20));
       try {
         await withTaskGroup(async (tg) => {
           tg.createTask(async () => { await sleep(5); throw new Error('boom'); });
           tg.createTask(async () => { try { await sleep(50); } finally { console.log('sibling ends', now()); } });
         });
       } catch (e) { console.log('group', e.name, e.exceptions.length); }
       const g = gather(slow(3, 'a'), createTask(async () => { await sleep(1); throw new TypeError('t'); }), { returnExceptions: true });
       console.log(JSON.stringify((await g).map(String)));`,
    ],
    [
      'run() cancels the sleepers main leaves',
      `import { run, createTask, sleep, now } from 'miniloop';
       await run(async () => {
         for (let i = 0; i < 3; i++) createTask(async () => { try { await sleep(100 * (i + 1)); } finally { console.log('left', i, now()); } });
         await sleep(10);
       });
       console.log('after run', now());`,
    ],
    [
      'durations that are not positive numbers, and one too long for the run',
      `import { createTask, sleep, now } from 'miniloop';
       await sleep(0); await sleep(-5); await sleep(NaN); await sleep('20' as any); await sleep(0.5);
       console.log(now());
       createTask(async () => { await sleep(Infinity); console.log('never'); });
       await sleep(1);
       console.log('main done', now());`,
      { timeLimit: 1000 },
    ],
    [
      'a duration that cannot be a number',
      `import { createTask, sleep } from 'miniloop';
       createTask(async () => { await sleep(10n as any); });
       await sleep(5);
       await sleep(Symbol('ms') as any);`,
    ],
    [
      'an error after a sleep, uncaught in a task and in main',
      `import { createTask, sleep } from 'miniloop';
       createTask(async () => { await sleep(5); throw new RangeError('in task'); });
       await sleep(10);
       throw new Error('in main');`,
    ],
    [
      'tasks of the trio layer (their sleeps keep the future)',
      `import { openNursery, moveOnAfter, sleep, now } from 'miniloop';
       await openNursery(async (nursery) => {
         nursery.startSoon(async () => { await moveOnAfter(15, async () => { await sleep(100); }); console.log('moved on', now()); });
         nursery.startSoon(async () => { await sleep(5); console.log('child', now()); });
       });
       await sleep(1);
       console.log('after', now());`,
    ],
    [
      'with the loop events recorded (a sleep is a timer handle there)',
      `import { createTask, sleep, now } from 'miniloop';
       const t = createTask(async () => { await sleep(20); });
       await sleep(5);
       t.cancel();
       await sleep(5);
       console.log(t.cancelled(), now());`,
      { loopEvents: true },
    ],
  ];
  it.each(programs)('%s', async (_, source, options) => {
    expect(await sameBothWays(source, options)).toBeGreaterThan(0);
  });

  // Every program the project runs: the guide's examples and exercises, the corpora.
  it('the guide, its exercises and the corpora', async () => {
    let sleeps = 0;
    const files = projectPrograms();
    for (const [file, source] of files) {
      if (!source.includes(`from 'miniloop'`) && !source.includes('from "miniloop"')) continue;
      try {
        sleeps += await sameBothWays(source);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message.slice(0, 2000)}`);
      }
    }
    expect(files.length).toBeGreaterThan(150);
    expect(sleeps).toBeGreaterThan(100);
  });
});

describe('a task asleep on its frame', () => {
  it('keeps no future for the sleep: 1,000 sleeping tasks keep about 1,000 futures (the tasks), not 2,000', async () => {
    const awaited = await aliveWhileAsleep('createTask(async () => { await sleep(10); });', Future as unknown as new () => unknown);
    const kept = await aliveWhileAsleep('createTask(async () => { const s = sleep(10); await s; });', Future as unknown as new () => unknown);
    expect(awaited).toBeLessThan(1100);
    expect(kept).toBeGreaterThanOrEqual(2000);
  });

  it('is not its task futWaiter (a layer reads that as a future), but what cancel() reaches', async () => {
    const program = await compileSource(`import { createTask, sleep } from 'miniloop';
      const t = createTask(async () => { try { await sleep(100); } catch (e) { console.log(e.name, e.message); } });
      await sleep(1);
      console.log((t as any).futWaiter, (t as any).waiter !== null, t.cancel('now'));
      await t;`);
    const lines = runProgram(program).lines.map((l) => l.text);
    expect(lines).toEqual(['null true true', 'CancelledError now']);
  });
});

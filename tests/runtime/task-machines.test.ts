/**
 * `createTask(async () => ...)` where the arrow's body is a state machine: the compiler gives the
 * task the machine instead of the arrow (src/compiler/shared-bodies.ts, `__taskOf`;
 * runtime/driver.ts, taskOfHelper). Which calls it takes, and that a program shows exactly what it
 * shows when the same arrows go through a `createTask` of its own (a local alias, which the
 * compiler leaves as it is): these programs, and the guide's examples, exercises and corpora.
 */
import { describe, expect, it } from 'vitest';
import type { ProgramOptions } from '../../src/runtime/program.ts';
import { compileSource, projectPrograms, runSource, whatReaderSees } from './run-source.ts';

/** What the plain variant imports the module's createTask as (see withArrows). */
const ALIAS = 'createTasq';

async function code(source: string): Promise<string> {
  return (await compileSource(source)).code;
}

/** What a reader can see of a run of `source`: status, lines, problems and every trace event. */
async function seen(source: string, options: ProgramOptions = {}): Promise<string> {
  return whatReaderSees(await runSource(source, { outputLimit: 100_000, ...options }));
}

/**
 * `source` with `createTask` a binding of the program's own, `const createTask = createTasq;`, and
 * the module's imported as `createTasq`, on the import's line (every other line and column stays
 * where it was, and so does the text the stack mapper reads names from): tasks of arrows, as
 * before the compiler gave them machines. Null when `source` does not import createTask by that name.
 */
function withArrows(source: string): string | null {
  const importLine = /^import \{([^}]*\bcreateTask\b(?!\s+as)[^}]*)\} from ['"]miniloop['"];/m.exec(source);
  if (importLine === null) return null;
  const names = importLine[1]!.replace(/\bcreateTask\b/, `createTask as ${ALIAS}`);
  const end = importLine.index + importLine[0].length;
  return `${source.slice(0, importLine.index)}import {${names}} from 'miniloop'; const createTask = ${ALIAS};${source.slice(end)}`;
}

/** Both ways show the same; returns how many tasks got a machine. */
async function sameBothWays(source: string, options: ProgramOptions = {}): Promise<number> {
  const plain = withArrows(source);
  if (plain === null) throw new Error('no createTask imported');
  expect((await code(plain)).includes('__taskOf(')).toBe(false);
  expect(await seen(source, options)).toBe(await seen(plain, options));
  return (await code(source)).split('__taskOf(').length - 1;
}

describe('which createTask calls get a machine', () => {
  const cases: Array<[string, string, number]> = [
    ['an arrow whose body is a state machine', `import { createTask, sleep } from 'miniloop'; await createTask(async () => { await sleep(1); });`, 1],
    ['with options, in a loop, reading the loop variable', `import { createTask, sleep } from 'miniloop'; for (let i = 0; i < 2; i++) createTask(async () => { await sleep(i); console.log(i); }, { name: 'w' + i });`, 1],
    ['imported under another name', `import { createTask as spawn } from 'miniloop'; await spawn(async () => 1);`, 1],
    ['an arrow with a parameter', `import { createTask } from 'miniloop'; await createTask(async (x?: number) => x);`, 0],
    ['an arrow whose body stays a generator', `import { createTask, sleep } from 'miniloop'; await createTask(async () => { if (Math.random() < 2) await sleep(1); });`, 0],
    ['a function expression', `import { createTask } from 'miniloop'; await createTask(async function () { return 1; });`, 0],
    ['a function passed by name', `import { createTask } from 'miniloop'; const f = async () => 1; await createTask(f);`, 0],
    ['a createTask of the program', `import { createTask as ct } from 'miniloop'; const createTask = (f: any) => ct(f); await createTask(async () => 1);`, 0],
    ["a task group's createTask", `import { withTaskGroup } from 'miniloop'; await withTaskGroup(async (tg) => { tg.createTask(async () => 1); });`, 0],
    ['a spread argument', `import { createTask } from 'miniloop'; const a: any[] = [async () => 1]; await (createTask as any)(...a);`, 0],
    ['in a program that names __taskOf', `import { createTask } from 'miniloop'; const __taskOf = 1; await createTask(async () => __taskOf);`, 0],
  ];
  it.each(cases)('%s', async (_, source, count) => {
    const compiled = await code(source);
    expect(compiled.split('__taskOf(').length - 1).toBe(count);
    // The arrow it replaces is gone, with its `__lowered` wrapper.
    if (count > 0) expect(compiled).not.toMatch(/__lowered\(\(\) => __async/);
  });
});

describe('a program shows the same with machines for its tasks or arrows', () => {
  const programs: Array<[string, string, ProgramOptions?]> = [
    [
      'tasks that sleep, log, return values, with names and options read once',
      `import { createTask, sleep, now } from 'miniloop';
       const opts = () => { console.log('options read'); return { name: 'named' }; };
       const tasks = [];
       for (let i = 0; i < 4; i++) {
         const base = i * 10;
         tasks.push(createTask(async () => {
           await sleep(base + 5);
           console.log('woke', i, now());
           return i * 2;
         }, i === 2 ? opts() : undefined));
       }
       const results = [];
       for (const t of tasks) results.push(await t);
       console.log(results.join(','), tasks.map((t) => t.getName()).join(','));`,
    ],
    [
      'a body that ends at its first step, one that throws there, one that throws after an await',
      `import { createTask, sleep } from 'miniloop';
       const quick = createTask(async () => 'quick');
       const sync = createTask(async () => {
         throw new TypeError('at once');
       });
       const later = createTask(async () => {
         await sleep(1);
         throw new RangeError('later');
       });
       console.log(await quick);
       try { await sync; } catch (e) { console.log('caught', e.name, e.stack.split('\\n').slice(0, 2).join(' | ')); }
       await sleep(5);
       console.log(later.done(), later.exception()?.message);`,
    ],
    [
      'cancelled before its first step, while asleep, and an error nobody retrieves',
      `import { createTask, sleep, now } from 'miniloop';
       const never = createTask(async () => { console.log('never runs'); });
       never.cancel('before');
       const sleeper = createTask(async () => {
         try { await sleep(100); } finally { console.log('cleanup', now()); }
       });
       createTask(async () => {
         await sleep(2);
         throw new Error('unretrieved');
       });
       await sleep(10);
       sleeper.cancel();
       await sleep(1);
       console.log(never.cancelled(), sleeper.cancelled());`,
    ],
    [
      'tasks made by tasks, awaited by others',
      `import { createTask, sleep, gather } from 'miniloop';
       const outer = createTask(async () => {
         const inner = createTask(async () => {
           await sleep(3);
           return 'inner';
         });
         return 'outer+' + (await inner);
       });
       const watcher = createTask(async () => {
         const v = await outer;
         return 'saw ' + v;
       });
       console.log((await gather(outer, watcher)).join(' / '));`,
    ],
  ];
  it.each(programs)('%s', async (_, source, options) => {
    expect(await sameBothWays(source, options)).toBeGreaterThan(0);
  });

  // Every program the project runs that imports createTask: the guide's examples and exercises, the corpora.
  it('the guide, its exercises and the corpora', async () => {
    let machines = 0;
    let checked = 0;
    const files = projectPrograms();
    for (const [file, source] of files) {
      if (withArrows(source) === null) continue;
      checked++;
      try {
        machines += await sameBothWays(source);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message.slice(0, 2000)}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    // Few of the guide's tasks are such arrows (most bodies branch or loop): (b)'s are.
    expect(machines).toBeGreaterThan(0);
  });
});

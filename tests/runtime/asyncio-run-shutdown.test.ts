/**
 * run(main) ends as asyncio.run ends (src/runtime/asyncio/run.ts): leftover
 * tasks cancelled and awaited, late errors reported, async generators closed,
 * busy threads awaited, and the run's budgets and seed.
 *
 * The cases in tests/corpus/run-shutdown/ exist twice: NN.py runs on the real
 * asyncio.Runner (vrun.py, virtual clock) and NN.expected.json holds what
 * CPython 3.14 (Pyodide) printed, and 3.11 where it differs
 * (scripts/corpus/gen-run-shutdown.mjs); NN.ts must print the 3.14 lines.
 * A shutdown report (CPython's exception handler) is a `report:` line here
 * and a trace `error` event on the loop, compared at its place among the lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/runtime/messages.ts';
import type { ProgramResult } from '../../src/runtime/program.ts';
import { runSource } from './run-source.ts';

const dir = join(import.meta.dirname, '../corpus/run-shutdown');
const cases = readdirSync(dir)
  .filter((f) => /^\d\d-.*\.ts$/.test(f))
  .map((f) => f.slice(0, -3))
  .sort();

const en = CATALOGUES.en;

/** Console lines and shutdown reports, in the order they happened, as vrun.py prints them. */
function printed(result: ProgramResult): Array<[number, string]> {
  const names = new Map(result.tasks.map((t) => [t.id, t.name]));
  const out: Array<[number, string]> = [];
  for (const event of result.trace) {
    if (event.kind === 'log') out.push([Math.round(event.t), event.detail.text]);
    if (event.kind !== 'error') continue;
    const name = names.get(event.task) ?? '-';
    const { message } = event.detail;
    const shutdown = `${en.shutdownError(name)}: `;
    const closing = `${en.asyncGenCloseError()}: `;
    if (message.startsWith(shutdown)) out.push([Math.round(event.t), `report: unhandled exception during asyncio.run() shutdown | task ${name} | ${message.slice(shutdown.length)}`]);
    else if (message.startsWith(closing)) out.push([Math.round(event.t), `report: an error occurred during closing of asynchronous generator | task - | ${message.slice(closing.length)}`]);
    else out.push([Math.round(event.t), `uncaught: ${message}`]);
  }
  return out;
}

describe('run(main) shuts down as asyncio.run does (traces from CPython 3.14)', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });
  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as { lines: Array<[number, string]> };
      const result = await runSource(readFileSync(join(dir, `${name}.ts`), 'utf8'));
      expect(printed(result)).toEqual(expected.lines.map(([t, m]) => [t, m.replace(/(\w+Error): /, '$1: ')]));
    });
  }
});

describe('run(main): what CPython traces cannot show here', () => {
  it('waits for a thread still busy when main returns (shutdown_default_executor); a cancelled awaiter does not stop the thread', async () => {
    const result = await runSource(`
      import { createTask, run, sleep, toThread } from 'miniloop';
      async function main() {
        createTask(async () => {
          try { await toThread(function work() { console.log('thread done'); }, 500); }
          catch (e) { console.log('awaiter ' + (e as Error).name); }
        });
        await sleep(100);
      }
      await run(main);
      console.log('after run');
    `);
    expect(result.lines.map((l) => [l.t, l.text])).toEqual([[100, 'awaiter CancelledError'], [500, 'thread done'], [500, 'after run']]);
  });

  it('reports an async generator whose cleanup fails, and goes on', async () => {
    const result = await runSource(`
      import { run } from 'miniloop';
      const held: AsyncGenerator<number>[] = [];
      async function* bad() { try { yield 1; } finally { throw new TypeError('cannot close'); } }
      async function main() { const g = bad(); held.push(g); await g.next(); }
      await run(main);
      console.log('after run');
    `);
    expect(printed(result)).toEqual([[0, 'report: an error occurred during closing of asynchronous generator | task - | TypeError: cannot close'], [0, 'after run']]);
    expect(result.status).toBe('failed');
  });

  it("says a shutdown error in the run's language", async () => {
    const source = `
      import { createTask, run, sleep } from 'miniloop';
      async function main() {
        createTask(async () => { try { await sleep(1000); } finally { throw new Error('late'); } }, { name: 'w' });
        await sleep(10);
      }
      await run(main);
    `;
    const zh = await runSource(source, { lang: 'zh' });
    expect(zh.problems.map((p) => p.summary)).toEqual([`${CATALOGUES.zh.shutdownError('w')}: Error: late`]);
    expect(zh.problems[0]!.task).toBe('w');
  });

  it("timeLimit is counted from the start of the run and stops the program; afterwards the program's own limit holds again", async () => {
    const stopped = await runSource(`
      import { run, sleep } from 'miniloop';
      await sleep(2000);
      await run(async function main() { await sleep(500); console.log('inside'); await sleep(5000); }, { timeLimit: 1000 });
      console.log('never');
    `);
    expect(stopped.lines.map((l) => [l.t, l.text])).toEqual([[2500, 'inside']]);
    expect(stopped.problems.map((p) => p.kind)).toEqual(['time-limit']);
    const restored = await runSource(`
      import { run, sleep } from 'miniloop';
      await run(async function main() { await sleep(500); }, { timeLimit: 1000 });
      await sleep(5000);
      console.log('after');
    `);
    expect(restored.lines.map((l) => [l.t, l.text])).toEqual([[5500, 'after']]);
    expect(restored.status).toBe('ok');
  });

  it('stepLimit stops a run that spins', async () => {
    const result = await runSource(`
      import { checkpoint, run } from 'miniloop';
      await run(async function main() { for (;;) await checkpoint(); }, { stepLimit: 1000 });
    `);
    expect(result.problems.map((p) => p.kind)).toEqual(['step-limit']);
    expect(result.steps).toBeLessThan(1100);
  });

  it('seed restarts Math.random: the same seed gives the same numbers, another seed others', async () => {
    const lines = await runSource(`
      import { run } from 'miniloop';
      const draw = async () => [Math.random(), Math.random()].join(' ');
      console.log(await run(draw, { seed: 7 }));
      console.log(await run(draw, { seed: 7 }));
      console.log(await run(draw, { seed: 8 }));
    `);
    const [a, b, c] = lines.lines.map((l) => l.text);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('cancelling the future run() returned cancels main, and the shutdown still runs', async () => {
    const result = await runSource(`
      import { createTask, run, sleep, waitFor } from 'miniloop';
      async function main() {
        createTask(async () => { try { await sleep(10_000); } finally { console.log('leftover cleaned'); } });
        try { await sleep(10_000); } finally { console.log('main cancelled'); }
      }
      try { await waitFor(run(main), 100); } catch (e) { console.log((e as Error).name); }
    `);
    expect(result.lines.map((l) => [l.t, l.text])).toEqual([[100, 'main cancelled'], [100, 'leftover cleaned'], [100, 'TimeoutError']]);
  });
});

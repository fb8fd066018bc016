/**
 * process.nextTick and setImmediate (src/runtime/node-queues.ts): the rules
 * the ordering corpus cannot hold because real Node prints either order
 * there (tests/corpus/ordering/71-76 hold the deterministic ones, printed by
 * real Node), and what a program sees of `process`.
 */
import { describe, expect, it } from 'vitest';
import { outputOf, runSource } from './run-source.ts';

describe('Node queues on virtual time', () => {
  it('setTimeout(0) beside setImmediate in the top level: the immediate first (no virtual time passes before the check phase)', async () => {
    expect(await outputOf(`
      setTimeout(() => console.log('timeout'), 0);
      setImmediate(() => console.log('immediate'));
    `)).toEqual(['immediate', 'timeout']);
  });

  it('an immediate set by an immediate runs before a setTimeout(0) set in the timers phase before it', async () => {
    const result = await runSource(`
      setTimeout(() => {
        setTimeout(() => console.log('timeout 0'), 0);
        setImmediate(() => setImmediate(() => console.log('nested immediate')));
      }, 5);
    `);
    expect(result.lines.map((l) => [l.t, l.text])).toEqual([[5, 'nested immediate'], [6, 'timeout 0']]);
  });

  it('after data arrives on the simulated network, an immediate runs before setTimeout(0), as in a Node I/O callback', async () => {
    const result = await runSource(`
      import { network } from 'miniloop';
      network.listen('s', 1, async (conn) => { await conn.write('hi'); });
      const conn = await network.connect('s', 1);
      await conn.read();
      setTimeout(() => console.log('timeout 0'), 0);
      setImmediate(() => console.log('immediate'));
      process.nextTick(() => console.log('tick'));
    `);
    const at = result.lines[0]!.t;
    expect(result.lines.map((l) => [l.t - at, l.text])).toEqual([[0, 'tick'], [0, 'immediate'], [1, 'timeout 0']]);
  });

  it('a tick that queues itself forever ends at the step limit instead of hanging', async () => {
    const result = await runSource(`
      let n = 0;
      function again() { n++; process.nextTick(again); }
      process.nextTick(again);
      setTimeout(() => console.log('never'), 1);
    `, { stepLimit: 5000 });
    expect(result.problems.map((p) => p.kind)).toEqual(['step-limit']);
    expect(result.lines).toEqual([]);
  });

  it('ticks and immediates are attributed to the task that queued them', async () => {
    const result = await runSource(`
      import { createTask, sleep } from 'miniloop';
      createTask(async () => {
        await sleep(10);
        process.nextTick(() => console.log('tick'));
        setImmediate(() => console.log('immediate'));
      }, { name: 'worker' });
    `);
    expect(result.lines.map((l) => [l.t, l.task, l.text])).toEqual([[10, 'worker', 'tick'], [10, 'worker', 'immediate']]);
  });

  it('process is only nextTick: the host process is out of reach', async () => {
    expect(await outputOf(`console.log(Object.keys(process).join(','), typeof (process as any).env, typeof (process as any).exit);`)).toEqual(['nextTick undefined undefined']);
  });

  it('callbacks that are not functions throw TypeError, as in Node', async () => {
    expect(await outputOf(`
      for (const f of [() => process.nextTick(1 as any), () => setImmediate('x' as any)]) {
        try { f(); } catch (e) { console.log((e as Error).name); }
      }
      clearImmediate(undefined);
      console.log('clearImmediate(undefined) is fine');
    `)).toEqual(['TypeError', 'TypeError', 'clearImmediate(undefined) is fine']);
  });
});

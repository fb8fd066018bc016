/**
 * The TypeScript spelling of the asyncio layer, where Python has no twin:
 * plain promises as awaitables, gather's argument forms, and the errors a
 * reader gets for a wrong call.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

const PRELUDE = `import * as ml from 'miniloop';
const log = (...parts: unknown[]) => console.log(parts.map(String).join(' '));
`;

async function run(source: string): Promise<Array<[number, string]>> {
  const result = await runSource(PRELUDE + source);
  expect(result.problems.map((p) => p.message)).toEqual([]);
  return result.lines.map((l): [number, string] => [l.t, l.text]);
}

describe('plain promises', () => {
  it('waitFor gives up on a promise at the deadline (the promise itself cannot be cancelled)', async () => {
    expect(
      await run(`
const never = new Promise<string>(() => {});
try { await ml.waitFor(never, 50); } catch (e) { log((e as Error).name, ml.now()); }
const slow = new Promise<string>((r) => setTimeout(() => r('slow'), 100));
log(await ml.waitFor(slow, 500), ml.now());
const fails = new Promise<string>((_, j) => setTimeout(() => j(new ml.ValueError('nope')), 10));
try { await ml.waitFor(fails, 500); } catch (e) { log((e as Error).name, ml.now()); }
`),
    ).toEqual([
      [50, 'TimeoutError 50'],
      [150, 'slow 150'],
      [160, 'ValueError 160'],
    ]);
  });

  it('gather, wait and asCompleted accept promises and Futures beside functions', async () => {
    expect(
      await run(`
const p = new Promise<string>((r) => setTimeout(() => r('promise'), 30));
const f = new ml.Future<string>();
ml.callLater(10, () => f.setResult('future'));
const r = await ml.gather(p, f, () => ml.sleep(20, 'function'));
log(r.join(' '), ml.now());
const order: string[] = [];
for (const next of ml.asCompleted([new Promise<string>((res) => setTimeout(() => res('b'), 20)), () => ml.sleep(10, 'a')])) {
  order.push(await next);
}
log(order.join(' '), ml.now());
const [done, pending] = await ml.wait([() => ml.sleep(5), new Promise((res) => setTimeout(res, 50))], { returnWhen: ml.FIRST_COMPLETED });
log(done.size, pending.size, ml.now());
`),
    ).toEqual([
      [30, 'promise future function 30'],
      [50, 'a b 50'],
      [55, '1 1 55'],
    ]);
  });
});

describe('gather arguments', () => {
  it('takes the options only from a plain object in last position', async () => {
    expect(
      await run(`
const boom = async () => { throw new ml.ValueError('x'); };
const r = await ml.gather(boom, () => ml.sleep(1, 'ok'), { returnExceptions: true });
log(r.map((x) => (x instanceof Error ? x.name : x)).join(' '));
try { await ml.gather(boom, { returnExceptions: false }); } catch (e) { log('raised', (e as Error).name); }
`),
    ).toEqual([
      [1, 'ValueError ok'],
      [1, 'raised ValueError'],
    ]);
  });

  it('explains a list passed as one argument, and rejects what is not awaitable', async () => {
    expect(
      await run(`
try { ml.gather([() => ml.sleep(1)] as never); } catch (e) { log((e as Error).name, (e as Error).message); }
try { ml.gather(42 as never); } catch (e) { log((e as Error).name, (e as Error).message); }
try { ml.wait(ml.createTask(() => ml.sleep(1)) as never); } catch (e) { log((e as Error).name, (e as Error).message); }
try { ml.wait([], { returnWhen: 'SOMETIMES' as never }); } catch (e) { log((e as Error).name, (e as Error).message); }
`),
    ).toEqual([
      [0, 'TypeError gather takes awaitables as separate arguments: gather(...list), not gather(list)'],
      [0, 'TypeError An asyncio.Future, a coroutine or an awaitable is required'],
      [0, 'TypeError expect a list of futures, not Task'],
      [0, 'ValueError Set of Tasks/Futures is empty.'],
    ]);
  });
});

describe('misuse', () => {
  it('raises RuntimeError like CPython', async () => {
    expect(
      await run(`
const cond = new ml.Condition();
try { await cond.wait(); } catch (e) { log((e as Error).name, (e as Error).message); }
const tg = new ml.TaskGroup();
try { tg.createTask(() => ml.sleep(1)); } catch (e) { log((e as Error).name, (e as Error).message); }
const t = new ml.Timeout(null);
try { t.reschedule(5); } catch (e) { log((e as Error).name, (e as Error).message); }
try { new ml.Barrier(0); } catch (e) { log((e as Error).name, (e as Error).message); }
`),
    ).toEqual([
      [0, 'RuntimeError cannot wait on un-acquired lock'],
      [0, 'RuntimeError TaskGroup taskgroup#1 has not been entered'],
      [0, 'RuntimeError Timeout has not been entered'],
      [0, 'ValueError parties must be >= 1'],
    ]);
  });
});

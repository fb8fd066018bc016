/**
 * asyncio layer: gather, shield, wait, asCompleted (sequences checked against CPython)
 *
 * Each case is a program written twice: for CPython's asyncio (run on a loop
 * whose clock is virtual, 1 unit = 1 ms) and for miniloop. `expected` is what
 * CPython 3.13 printed as (virtual ms, message) lines; the miniloop program
 * must print the same lines in the same order. Set ASYNCIO_PYTHON to a
 * CPython (3.12+) executable to re-run the Python twins and check that
 * `expected` still matches them.
 */
import { describeTwins, type TwinCase } from './asyncio-twins.ts';

const cases: TwinCase[] = [
  {
    name: "asCompleted: results in completion order (plain iteration) and finished tasks (async iteration); with a timeout the rest raise TimeoutError",
    py: `import asyncio
from vloop import log, now, run
async def job(name, d):
    await asyncio.sleep(d)
    if name == 'bad':
        raise ValueError(name)
    return name
async def main():
    for aw in asyncio.as_completed([job('a', 3), job('b', 1), job('c', 2)]):
        log('got', await aw)
    ts = [asyncio.create_task(job(n, d)) for n, d in (('x', 2), ('bad', 1), ('y', 3))]
    async for t in asyncio.as_completed(ts):
        log('finished task index', ts.index(t), t.exception() is not None)
    it = asyncio.as_completed([job('p', 1), job('q', 5), job('r', 6)], timeout=3)
    for aw in it:
        try:
            log('in time', await aw)
        except TimeoutError:
            log('TimeoutError')
    await asyncio.sleep(5)
run(main)
`,
    ts: `async function job(name: string, d: number) {
  await ml.sleep(d);
  if (name === 'bad') throw new ml.ValueError(name);
  return name;
}
for (const aw of ml.asCompleted([() => job('a', 3), () => job('b', 1), () => job('c', 2)])) {
  log('got', await aw);
}
const ts = ([['x', 2], ['bad', 1], ['y', 3]] as const).map(([n, d]) => ml.createTask(() => job(n, d)));
for await (const t of ml.asCompleted(ts)) {
  log('finished task index', ts.indexOf(t as ml.Task<string>), t.exception() !== undefined);
}
const it = ml.asCompleted([() => job('p', 1), () => job('q', 5), () => job('r', 6)], 3);
for (const aw of it) {
  try {
    log('in time', await aw);
  } catch (e) {
    if (e instanceof ml.TimeoutError) log('TimeoutError');
    else throw e;
  }
}
await ml.sleep(5);
`,
    expected: [
      [1, "got b"],
      [2, "got c"],
      [3, "got a"],
      [4, "finished task index 1 True"],
      [5, "finished task index 0 False"],
      [6, "finished task index 2 False"],
      [7, "in time p"],
      [9, "TimeoutError"],
      [9, "TimeoutError"]
    ],
  },
  {
    name: "gather: cancelling the task awaiting gather (or the gather future) cancels every child; the awaiter gets CancelledError once they are done",
    py: `import asyncio
from vloop import log, now, run
async def child(name, d, stubborn=False):
    try:
        await asyncio.sleep(d)
        log(name, 'done')
    except asyncio.CancelledError:
        log(name, 'cancelled')
        if stubborn:
            await asyncio.sleep(2)
            log(name, 'cleaned up')
        raise
async def parent():
    try:
        await asyncio.gather(child('a', 1), child('b', 10), child('c', 10, True))
    except asyncio.CancelledError:
        log('parent cancelled')
        raise
async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        log('p cancelled', p.cancelled())
    g = asyncio.gather(child('x', 10), child('y', 10), return_exceptions=True)
    await asyncio.sleep(1)
    log('cancel gather future', g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        log('gather raised CancelledError despite return_exceptions')
    log('cancel again', g.cancel())
    await asyncio.sleep(3)
run(main)
`,
    ts: `async function child(name: string, d: number, stubborn = false) {
  try {
    await ml.sleep(d);
    log(name, 'done');
  } catch (e) {
    if (e instanceof ml.CancelledError) {
      log(name, 'cancelled');
      if (stubborn) {
        await ml.sleep(2);
        log(name, 'cleaned up');
      }
    }
    throw e;
  }
}
async function parent() {
  try {
    await ml.gather(() => child('a', 1), () => child('b', 10), () => child('c', 10, true));
  } catch (e) {
    if (e instanceof ml.CancelledError) log('parent cancelled');
    throw e;
  }
}
const p = ml.createTask(parent);
await ml.sleep(5);
p.cancel();
try {
  await p;
} catch (e) {
  if (e instanceof ml.CancelledError) log('p cancelled', p.cancelled());
}
const g = ml.gather(() => child('x', 10), () => child('y', 10), { returnExceptions: true });
await ml.sleep(1);
log('cancel gather future', g.cancel());
try {
  await g;
} catch (e) {
  if (e instanceof ml.CancelledError) log('gather raised CancelledError despite return_exceptions');
}
log('cancel again', g.cancel());
await ml.sleep(3);
`,
    expected: [
      [1, "a done"],
      [5, "b cancelled"],
      [5, "c cancelled"],
      [5, "parent cancelled"],
      [5, "p cancelled True"],
      [6, "cancel gather future True"],
      [6, "x cancelled"],
      [6, "y cancelled"],
      [6, "gather raised CancelledError despite return_exceptions"],
      [6, "cancel again False"],
      [7, "c cleaned up"]
    ],
  },
  {
    name: "gather (3.12+): children that are already done are counted at once, so gathering finished tasks does not suspend; allTasks()",
    py: `import asyncio
from vloop import log, now, run
async def quick(n):
    return n
async def other():
    for i in range(3):
        log('other', i)
        await asyncio.sleep(0)
async def main():
    ts = [asyncio.create_task(quick(n)) for n in range(3)]
    await asyncio.sleep(0)
    log('tasks done', all(t.done() for t in ts), len(asyncio.all_tasks()))
    o = asyncio.create_task(other())
    await asyncio.sleep(0)
    r = await asyncio.gather(*ts)
    log('gathered without a turn', r)
    await o
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(f.set_result, 'late')
    r = await asyncio.gather(ts[0], f)
    log('mixed', r)
run(main)
`,
    ts: `async function quick(n: number) {
  return n;
}
async function other() {
  for (let i = 0; i < 3; i++) {
    log('other', i);
    await ml.sleep(0);
  }
}
const ts = [0, 1, 2].map((n) => ml.createTask(() => quick(n)));
await ml.sleep(0);
log('tasks done', ts.every((t) => t.done()), ml.allTasks().size);
const o = ml.createTask(other);
await ml.sleep(0);
const r = await ml.gather(...ts);
log('gathered without a turn', '[' + r.join(', ') + ']');
await o;
const f = new ml.Future<string>();
ml.callSoon(() => f.setResult('late'));
const r2 = await ml.gather(ts[0]!, f);
log('mixed', \`[\${r2[0]}, '\${r2[1]}']\`);
`,
    expected: [
      [0, "tasks done True 1"],
      [0, "other 0"],
      [0, "gathered without a turn [0, 1, 2]"],
      [0, "other 1"],
      [0, "other 2"],
      [0, "mixed [0, 'late']"]
    ],
  },
  {
    name: "gather: the first error reaches the awaiter at once while the other children keep running; returnExceptions puts errors and CancelledError in the results",
    py: `import asyncio
from vloop import log, now, run
async def ok(name, d):
    await asyncio.sleep(d)
    log(name, 'finished')
    return name
async def bad(d):
    await asyncio.sleep(d)
    raise ValueError('boom')
async def main():
    try:
        await asyncio.gather(ok('a', 1), bad(2), ok('c', 5))
    except ValueError as e:
        log('caught', repr(e))
    await asyncio.sleep(5)
    c = asyncio.create_task(ok('cancelled', 5))
    async def canceller():
        await asyncio.sleep(1)
        c.cancel()
    asyncio.create_task(canceller())
    r = await asyncio.gather(ok('x', 1), bad(1), c, return_exceptions=True)
    log('results', [type(x).__name__ for x in r])
    try:
        d = asyncio.create_task(ok('d', 5))
        async def canceller2():
            await asyncio.sleep(1)
            d.cancel()
        asyncio.create_task(canceller2())
        await asyncio.gather(d, ok('e', 2))
    except asyncio.CancelledError:
        log('child cancelled -> CancelledError from gather', asyncio.current_task().cancelling())
    await asyncio.sleep(3)
run(main)
`,
    ts: `async function ok(name: string, d: number) {
  await ml.sleep(d);
  log(name, 'finished');
  return name;
}
async function bad(d: number): Promise<string> {
  await ml.sleep(d);
  throw new ml.ValueError('boom');
}
try {
  await ml.gather(() => ok('a', 1), () => bad(2), () => ok('c', 5));
} catch (e) {
  if (e instanceof ml.ValueError) log('caught', "ValueError('boom')");
}
await ml.sleep(5);
const c = ml.createTask(() => ok('cancelled', 5));
ml.createTask(async () => {
  await ml.sleep(1);
  c.cancel();
});
const r = await ml.gather(() => ok('x', 1), () => bad(1), c, { returnExceptions: true });
log('results', '[' + r.map((x) => \`'\${x instanceof Error ? x.name : 'str'}'\`).join(', ') + ']');
try {
  const d = ml.createTask(() => ok('d', 5));
  ml.createTask(async () => {
    await ml.sleep(1);
    d.cancel();
  });
  await ml.gather(d, () => ok('e', 2));
} catch (e) {
  if (e instanceof ml.CancelledError) log('child cancelled -> CancelledError from gather', ml.currentTask()!.cancelling());
}
await ml.sleep(3);
`,
    expected: [
      [1, "a finished"],
      [2, "caught ValueError('boom')"],
      [5, "c finished"],
      [8, "x finished"],
      [8, "results ['str', 'ValueError', 'CancelledError']"],
      [9, "child cancelled -> CancelledError from gather 0"],
      [10, "e finished"]
    ],
  },
  {
    name: "gather: children start in argument order, results come back in argument order; the awaiter wakes after the last child",
    py: `import asyncio
from vloop import log, now, run
async def work(name, d):
    log(name, 'start')
    await asyncio.sleep(d)
    log(name, 'end')
    return name * 2
async def other():
    for i in range(4):
        log('tick', i)
        await asyncio.sleep(0)
async def main():
    o = asyncio.create_task(other())
    r = await asyncio.gather(work('a', 3), work('b', 1), work('c', 2))
    log('results', r)
    r = await asyncio.gather()
    log('empty', r)
    t = asyncio.create_task(work('t', 1))
    r = await asyncio.gather(t, t, work('u', 1))
    log('duplicates', r)
    await o
run(main)
`,
    ts: `async function work(name: string, d: number) {
  log(name, 'start');
  await ml.sleep(d);
  log(name, 'end');
  return name + name;
}
async function other() {
  for (let i = 0; i < 4; i++) {
    log('tick', i);
    await ml.sleep(0);
  }
}
const fmt = (xs: unknown[]) => '[' + xs.map((x) => \`'\${x}'\`).join(', ') + ']';
const o = ml.createTask(other);
let r: string[] = await ml.gather(() => work('a', 3), () => work('b', 1), () => work('c', 2));
log('results', fmt(r));
r = (await ml.gather()) as string[];
log('empty', fmt(r));
const t = ml.createTask(() => work('t', 1));
r = await ml.gather(t, t, () => work('u', 1));
log('duplicates', fmt(r));
await o;
`,
    expected: [
      [0, "tick 0"],
      [0, "a start"],
      [0, "b start"],
      [0, "c start"],
      [0, "tick 1"],
      [0, "tick 2"],
      [0, "tick 3"],
      [1, "b end"],
      [2, "c end"],
      [3, "a end"],
      [3, "results ['aa', 'bb', 'cc']"],
      [3, "empty []"],
      [3, "t start"],
      [3, "u start"],
      [4, "t end"],
      [4, "u end"],
      [4, "duplicates ['tt', 'tt', 'uu']"]
    ],
  },
  {
    name: "shield: cancelling the awaiter raises CancelledError there while the shielded task runs on; cancelling the inner task cancels the shield",
    py: `import asyncio
from vloop import log, now, run
async def important():
    await asyncio.sleep(5)
    log('important finished')
    return 42
async def caller(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        log('caller cancelled; inner done?', t.done())
        raise
async def main():
    t = asyncio.create_task(important())
    c = asyncio.create_task(caller(t))
    await asyncio.sleep(1)
    c.cancel()
    await asyncio.sleep(0)
    log('c cancelled', c.cancelled())
    log('result', await t)
    t2 = asyncio.create_task(important())
    s = asyncio.shield(t2)
    await asyncio.sleep(1)
    t2.cancel()
    try:
        await s
    except asyncio.CancelledError:
        log('shield cancelled with inner', s.cancelled())
    done = asyncio.create_task(important())
    await done
    log('shield of done task is the task', asyncio.shield(done) is done)
run(main)
`,
    ts: `async function important() {
  await ml.sleep(5);
  log('important finished');
  return 42;
}
async function caller(t: ml.Task<number>) {
  try {
    return await ml.shield(t);
  } catch (e) {
    if (e instanceof ml.CancelledError) log('caller cancelled; inner done?', t.done());
    throw e;
  }
}
const t = ml.createTask(important);
const c = ml.createTask(() => caller(t));
await ml.sleep(1);
c.cancel();
await ml.sleep(0);
log('c cancelled', c.cancelled());
log('result', await t);
const t2 = ml.createTask(important);
const s = ml.shield(t2);
await ml.sleep(1);
t2.cancel();
try {
  await s;
} catch (e) {
  if (e instanceof ml.CancelledError) log('shield cancelled with inner', s.cancelled());
}
const done = ml.createTask(important);
await done;
log('shield of done task is the task', ml.shield(done) === done);
`,
    expected: [
      [1, "caller cancelled; inner done? False"],
      [1, "c cancelled True"],
      [5, "important finished"],
      [5, "result 42"],
      [6, "shield cancelled with inner True"],
      [11, "important finished"],
      [11, "shield of done task is the task True"]
    ],
  },
  {
    name: "wait: cancelling the waiting task raises CancelledError in it but leaves the awaited tasks running",
    py: `import asyncio
from vloop import log, now, run
async def job():
    await asyncio.sleep(5)
    log('job finished')
async def waiter(t):
    try:
        await asyncio.wait([t])
    except asyncio.CancelledError:
        log('waiter cancelled; job done?', t.done())
        raise
async def main():
    t = asyncio.create_task(job())
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(1)
    w.cancel()
    await asyncio.sleep(0)
    await t
    log('w cancelled', w.cancelled())
run(main)
`,
    ts: `async function job() {
  await ml.sleep(5);
  log('job finished');
}
async function waiter(t: ml.Task<void>) {
  try {
    await ml.wait([t]);
  } catch (e) {
    if (e instanceof ml.CancelledError) log('waiter cancelled; job done?', t.done());
    throw e;
  }
}
const t = ml.createTask(job);
const w = ml.createTask(() => waiter(t));
await ml.sleep(1);
w.cancel();
await ml.sleep(0);
await t;
log('w cancelled', w.cancelled());
`,
    expected: [
      [1, "waiter cancelled; job done? False"],
      [5, "job finished"],
      [5, "w cancelled True"]
    ],
  },
  {
    name: "wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and timeout return [done, pending] without cancelling anything",
    py: `import asyncio
from vloop import log, now, run
async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    log(name, 'finished')
    return name
def names(s):
    return sorted(t.get_name() for t in s)
async def main():
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in (('a', 3), ('b', 1), ('c', 2))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    log('first completed', names(done), names(pending))
    done, pending = await asyncio.wait(ts, timeout=1.4)
    log('timeout', names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    log('all', names(done), names(pending))
    ts = [asyncio.create_task(job(n, d, f), name=n) for n, d, f in (('x', 1, False), ('y', 2, True), ('z', 5, False))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log('first exception', names(done), names(pending))
    log('z still running', not ts[2].done())
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log('no new exception: waits for all', names(done), names(pending))
    await ts[2]
    try:
        await asyncio.wait([])
    except ValueError as e:
        log('ValueError', e)
run(main)
`,
    ts: `async function job(name: string, d: number, fail = false) {
  await ml.sleep(d);
  if (fail) throw new ml.ValueError(name);
  log(name, 'finished');
  return name;
}
const names = (s: Set<ml.Future<unknown>>) => '[' + [...s].map((t) => \`'\${(t as ml.Task).name}'\`).sort().join(', ') + ']';
let ts = ([['a', 3], ['b', 1], ['c', 2]] as const).map(([n, d]) => ml.createTask(() => job(n, d), { name: n }));
let [done, pending] = await ml.wait(ts, { returnWhen: ml.FIRST_COMPLETED });
log('first completed', names(done), names(pending));
[done, pending] = await ml.wait(ts, { timeout: 1.4 });
log('timeout', names(done), names(pending));
[done, pending] = await ml.wait(ts);
log('all', names(done), names(pending));
ts = ([['x', 1, false], ['y', 2, true], ['z', 5, false]] as const).map(([n, d, f]) => ml.createTask(() => job(n, d, f), { name: n }));
[done, pending] = await ml.wait(ts, { returnWhen: ml.FIRST_EXCEPTION });
log('first exception', names(done), names(pending));
log('z still running', !ts[2]!.done());
[done, pending] = await ml.wait(ts, { returnWhen: ml.FIRST_EXCEPTION });
log('no new exception: waits for all', names(done), names(pending));
ts[1]!.exception();
await ts[2];
try {
  await ml.wait([]);
} catch (e) {
  if (e instanceof ml.ValueError) log('ValueError', e.message);
}
`,
    expected: [
      [1, "b finished"],
      [1, "first completed ['b'] ['a', 'c']"],
      [2, "c finished"],
      [2, "timeout ['b', 'c'] ['a']"],
      [3, "a finished"],
      [3, "all ['a', 'b', 'c'] []"],
      [4, "x finished"],
      [5, "first exception ['x', 'y'] ['z']"],
      [5, "z still running True"],
      [5, "no new exception: waits for all ['x', 'y'] ['z']"],
      [8, "z finished"],
      [8, "ValueError Set of Tasks/Futures is empty."]
    ],
  },
];

describeTwins('asyncio layer: gather, shield, wait, asCompleted (sequences checked against CPython)', cases);

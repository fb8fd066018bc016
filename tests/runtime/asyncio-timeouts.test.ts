/**
 * asyncio layer: timeout, timeoutAt, waitFor (sequences checked against CPython)
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
    name: "Cancel messages: Task.cancel(msg) reaches the CancelledError; a gather child cancelled with a message gives the gather's CancelledError that message",
    py: `import asyncio
from vloop import log, now, run
async def sleeper():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel('stop now')
    try:
        await t
    except asyncio.CancelledError as e:
        log('task:', e.args[0] if e.args else '')
    c = asyncio.create_task(sleeper())
    g = asyncio.gather(c, sleeper())
    await asyncio.sleep(1)
    c.cancel('child msg')
    try:
        await g
    except asyncio.CancelledError as e:
        log('gather:', e.args[0] if e.args else '')
    g2 = asyncio.gather(sleeper(), return_exceptions=True)
    await asyncio.sleep(1)
    g2.cancel('outer msg')
    try:
        await g2
    except asyncio.CancelledError as e:
        log('cancelled gather:', e.args[0] if e.args else '')
    await asyncio.sleep(10)
run(main)
`,
    ts: `async function sleeper() {
  await ml.sleep(10);
}
const t = ml.createTask(sleeper);
await ml.sleep(1);
t.cancel('stop now');
try {
  await t;
} catch (e) {
  if (e instanceof ml.CancelledError) log('task:', e.message);
}
const c = ml.createTask(sleeper);
const g = ml.gather(c, sleeper);
await ml.sleep(1);
c.cancel('child msg');
try {
  await g;
} catch (e) {
  if (e instanceof ml.CancelledError) log('gather:', e.message);
}
const g2 = ml.gather(sleeper, { returnExceptions: true });
await ml.sleep(1);
g2.cancel('outer msg');
try {
  await g2;
} catch (e) {
  if (e instanceof ml.CancelledError) log('cancelled gather:', e.message);
}
await ml.sleep(10);
`,
    expected: [
      [1, "task: stop now"],
      [2, "gather: child msg"],
      [3, "cancelled gather: outer msg"]
    ],
  },
  {
    name: "timeout: the body is cancelled at the deadline and TimeoutError leaves the block; finally blocks run; expired(); a body that finishes in time",
    py: `import asyncio
from vloop import log, now, run
async def main():
    try:
        async with asyncio.timeout(5) as cm:
            log('deadline', round(cm.when()))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log('body cancelled')
                raise
            finally:
                log('finally in body')
    except TimeoutError:
        log('TimeoutError; expired', cm.expired(), asyncio.current_task().cancelling())
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(2)
        log('in time')
    log('expired', cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(100)
    log('no deadline', cm.when())
run(main)
`,
    ts: `let cm!: ml.Timeout;
try {
  await ml.timeout(5, async (t) => {
    cm = t;
    log('deadline', t.when());
    try {
      await ml.sleep(10);
    } catch (e) {
      if (e instanceof ml.CancelledError) log('body cancelled');
      throw e;
    } finally {
      log('finally in body');
    }
  });
} catch (e) {
  if (e instanceof ml.TimeoutError) log('TimeoutError; expired', cm.expired(), ml.currentTask()!.cancelling());
  else throw e;
}
await ml.timeout(5, async (t) => {
  cm = t;
  await ml.sleep(2);
  log('in time');
});
log('expired', cm.expired());
await ml.timeout(null, async (t) => {
  cm = t;
  await ml.sleep(100);
});
log('no deadline', cm.when());
`,
    expected: [
      [0, "deadline 5"],
      [5, "body cancelled"],
      [5, "finally in body"],
      [5, "TimeoutError; expired True 0"],
      [7, "in time"],
      [7, "expired False"],
      [107, "no deadline None"]
    ],
  },
  {
    name: "timeout: nested blocks: the inner deadline converts only its own expiry; the outer one fires through an inner block with a later deadline",
    py: `import asyncio
from vloop import log, now, run
async def main():
    try:
        async with asyncio.timeout(10):
            try:
                async with asyncio.timeout(3):
                    await asyncio.sleep(5)
            except TimeoutError:
                log('inner timed out')
            await asyncio.sleep(5)
            log('outer body continues')
            async with asyncio.timeout(100) as inner:
                await asyncio.sleep(50)
            log('not reached')
    except TimeoutError:
        log('outer timed out; inner expired?', inner.expired(), asyncio.current_task().cancelling())
run(main)
`,
    ts: `let inner!: ml.Timeout;
try {
  await ml.timeout(10, async () => {
    try {
      await ml.timeout(3, async () => {
        await ml.sleep(5);
      });
    } catch (e) {
      if (e instanceof ml.TimeoutError) log('inner timed out');
      else throw e;
    }
    await ml.sleep(5);
    log('outer body continues');
    await ml.timeout(100, async (t) => {
      inner = t;
      await ml.sleep(50);
    });
    log('not reached');
  });
} catch (e) {
  if (e instanceof ml.TimeoutError) log('outer timed out; inner expired?', inner.expired(), ml.currentTask()!.cancelling());
  else throw e;
}
`,
    expected: [
      [3, "inner timed out"],
      [8, "outer body continues"],
      [10, "outer timed out; inner expired? False 0"]
    ],
  },
  {
    name: "timeout: a task cancelled from outside while its timeout also expires sees CancelledError, not TimeoutError (uncancel bookkeeping)",
    py: `import asyncio
from vloop import log, now, run
async def body(name):
    try:
        async with asyncio.timeout(5):
            await asyncio.sleep(10)
    except TimeoutError:
        log(name, 'TimeoutError')
    except asyncio.CancelledError:
        log(name, 'CancelledError', asyncio.current_task().cancelling())
        raise
async def canceller(t, at):
    await asyncio.sleep(at)
    t.cancel()
async def main():
    t = asyncio.create_task(body('cancelled first'))
    asyncio.create_task(canceller(t, 2))
    await asyncio.gather(t, return_exceptions=True)
    t = asyncio.create_task(body('same instant'))
    await asyncio.sleep(5)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    log('cancelled', t.cancelled())
    t = asyncio.create_task(body('timeout alone'))
    await asyncio.gather(t, return_exceptions=True)
    log('cancelled', t.cancelled())
run(main)
`,
    ts: `async function body(name: string) {
  try {
    await ml.timeout(5, async () => {
      await ml.sleep(10);
    });
  } catch (e) {
    if (e instanceof ml.TimeoutError) log(name, 'TimeoutError');
    else if (e instanceof ml.CancelledError) {
      log(name, 'CancelledError', ml.currentTask()!.cancelling());
      throw e;
    } else throw e;
  }
}
async function canceller(t: ml.Task<void>, at: number) {
  await ml.sleep(at);
  t.cancel();
}
let t = ml.createTask(() => body('cancelled first'));
ml.createTask(() => canceller(t, 2));
await ml.gather(t, { returnExceptions: true });
t = ml.createTask(() => body('same instant'));
await ml.sleep(5);
t.cancel();
await ml.gather(t, { returnExceptions: true });
log('cancelled', t.cancelled());
t = ml.createTask(() => body('timeout alone'));
await ml.gather(t, { returnExceptions: true });
log('cancelled', t.cancelled());
`,
    expected: [
      [2, "cancelled first CancelledError 1"],
      [7, "same instant CancelledError 1"],
      [7, "cancelled True"],
      [12, "timeout alone TimeoutError"],
      [12, "cancelled False"]
    ],
  },
  {
    name: "timeout: reschedule() moves the deadline; timeoutAt() takes an absolute time; a deadline already past fires on the next turn",
    py: `import asyncio
round = lambda x: int(x) if x is not None else x
from vloop import log, now, run
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(5) as cm:
            await asyncio.sleep(3)
            cm.reschedule(loop.time() + 10)
            log('moved to', round(cm.when()))
            await asyncio.sleep(20)
    except TimeoutError:
        log('timed out')
    try:
        async with asyncio.timeout_at(loop.time() + 4):
            await asyncio.sleep(10)
    except TimeoutError:
        log('timeout_at fired')
    try:
        async with asyncio.timeout(-1):
            log('body starts')
            await asyncio.sleep(0)
            log('not reached')
    except TimeoutError:
        log('past deadline fired')
    async with asyncio.timeout(5) as cm:
        cm.reschedule(None)
        await asyncio.sleep(20)
    log('deadline removed', cm.when())
run(main)
`,
    ts: `try {
  await ml.timeout(5, async (cm) => {
    await ml.sleep(3);
    cm.reschedule(now() + 10);
    log('moved to', cm.when());
    await ml.sleep(20);
  });
} catch (e) {
  if (e instanceof ml.TimeoutError) log('timed out');
  else throw e;
}
try {
  await ml.timeoutAt(now() + 4, async () => {
    await ml.sleep(10);
  });
} catch (e) {
  if (e instanceof ml.TimeoutError) log('timeout_at fired');
  else throw e;
}
try {
  await ml.timeout(-1, async () => {
    log('body starts');
    await ml.sleep(0);
    log('not reached');
  });
} catch (e) {
  if (e instanceof ml.TimeoutError) log('past deadline fired');
  else throw e;
}
let cm!: ml.Timeout;
await ml.timeout(5, async (t) => {
  cm = t;
  t.reschedule(null);
  await ml.sleep(20);
});
log('deadline removed', cm.when());
`,
    expected: [
      [3, "moved to 13"],
      [13, "timed out"],
      [17, "timeout_at fired"],
      [17, "body starts"],
      [17, "past deadline fired"],
      [37, "deadline removed None"]
    ],
  },
  {
    name: "timeout: a body that swallows the CancelledError and returns normally ends the block without TimeoutError; expired() is still true and the cancel count is restored",
    py: `import asyncio
from vloop import log, now, run
async def main():
    async with asyncio.timeout(5) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log('swallowed', asyncio.current_task().cancelling())
    log('no error; expired', cm.expired(), asyncio.current_task().cancelling())
    await asyncio.sleep(1)
    log('later sleep works')
run(main)
`,
    ts: `let cm!: ml.Timeout;
await ml.timeout(5, async (t) => {
  cm = t;
  try {
    await ml.sleep(10);
  } catch (e) {
    if (!(e instanceof ml.CancelledError)) throw e;
    log('swallowed', ml.currentTask()!.cancelling());
  }
});
log('no error; expired', cm.expired(), ml.currentTask()!.cancelling());
await ml.sleep(1);
log('later sleep works');
`,
    expected: [
      [5, "swallowed 1"],
      [5, "no error; expired True 0"],
      [6, "later sleep works"]
    ],
  },
  {
    name: "waitFor: returns the result in time; at the deadline the awaited task is cancelled and TimeoutError raised; the task's cleanup runs before waitFor returns",
    py: `import asyncio
from vloop import log, now, run
async def job(name, d):
    try:
        await asyncio.sleep(d)
        log(name, 'finished')
        return name
    except asyncio.CancelledError:
        log(name, 'cancelled')
        await asyncio.sleep(1)
        log(name, 'cleanup done')
        raise
async def main():
    log('result', await asyncio.wait_for(job('fast', 1), 5))
    try:
        await asyncio.wait_for(job('slow', 10), 3)
    except TimeoutError:
        log('TimeoutError')
    t = asyncio.create_task(job('task', 10))
    try:
        await asyncio.wait_for(t, 2)
    except TimeoutError:
        log('TimeoutError; task cancelled', t.cancelled())
    log('no deadline', await asyncio.wait_for(job('none', 2), None))
    t = asyncio.create_task(job('zero', 2))
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        log('zero timeout: TimeoutError', t.cancelled())
    f = asyncio.get_running_loop().create_future()
    f.set_result('ready')
    log('zero timeout on done future', await asyncio.wait_for(f, 0))
run(main)
`,
    ts: `async function job(name: string, d: number) {
  try {
    await ml.sleep(d);
    log(name, 'finished');
    return name;
  } catch (e) {
    if (e instanceof ml.CancelledError) {
      log(name, 'cancelled');
      await ml.sleep(1);
      log(name, 'cleanup done');
    }
    throw e;
  }
}
log('result', await ml.waitFor(() => job('fast', 1), 5));
try {
  await ml.waitFor(() => job('slow', 10), 3);
} catch (e) {
  if (e instanceof ml.TimeoutError) log('TimeoutError');
  else throw e;
}
let t = ml.createTask(() => job('task', 10));
try {
  await ml.waitFor(t, 2);
} catch (e) {
  if (e instanceof ml.TimeoutError) log('TimeoutError; task cancelled', t.cancelled());
  else throw e;
}
log('no deadline', await ml.waitFor(() => job('none', 2), null));
t = ml.createTask(() => job('zero', 2));
try {
  await ml.waitFor(t, 0);
} catch (e) {
  if (e instanceof ml.TimeoutError) log('zero timeout: TimeoutError', t.cancelled());
  else throw e;
}
const f = new ml.Future<string>();
f.setResult('ready');
log('zero timeout on done future', await ml.waitFor(f, 0));
`,
    expected: [
      [1, "fast finished"],
      [1, "result fast"],
      [4, "slow cancelled"],
      [5, "slow cleanup done"],
      [5, "TimeoutError"],
      [7, "task cancelled"],
      [8, "task cleanup done"],
      [8, "TimeoutError; task cancelled True"],
      [10, "none finished"],
      [10, "no deadline none"],
      [10, "zero timeout: TimeoutError True"],
      [10, "zero timeout on done future ready"]
    ],
  },
  {
    name: "waitFor: cancelling the waiting task cancels the awaited task too and CancelledError (not TimeoutError) propagates",
    py: `import asyncio
from vloop import log, now, run
async def job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log('job cancelled')
        raise
async def waiter(t):
    try:
        await asyncio.wait_for(t, 5)
    except asyncio.CancelledError:
        log('waiter cancelled', asyncio.current_task().cancelling())
        raise
    except TimeoutError:
        log('unexpected TimeoutError')
async def main():
    t = asyncio.create_task(job())
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(2)
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    log('both cancelled', t.cancelled(), w.cancelled())
run(main)
`,
    ts: `async function job() {
  try {
    await ml.sleep(10);
  } catch (e) {
    if (e instanceof ml.CancelledError) log('job cancelled');
    throw e;
  }
}
async function waiter(t: ml.Task<void>) {
  try {
    await ml.waitFor(t, 5);
  } catch (e) {
    if (e instanceof ml.CancelledError) {
      log('waiter cancelled', ml.currentTask()!.cancelling());
      throw e;
    }
    if (e instanceof ml.TimeoutError) log('unexpected TimeoutError');
    else throw e;
  }
}
const t = ml.createTask(job);
const w = ml.createTask(() => waiter(t));
await ml.sleep(2);
w.cancel();
await ml.gather(w, { returnExceptions: true });
log('both cancelled', t.cancelled(), w.cancelled());
`,
    expected: [
      [2, "job cancelled"],
      [2, "waiter cancelled 1"],
      [2, "both cancelled True True"]
    ],
  },
];

describeTwins('asyncio layer: timeout, timeoutAt, waitFor (sequences checked against CPython)', cases);

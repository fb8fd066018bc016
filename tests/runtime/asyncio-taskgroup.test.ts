/**
 * asyncio layer: TaskGroup (sequences checked against CPython)
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
    name: "TaskGroup: an error in the body cancels the tasks and joins the ExceptionGroup after the tasks' errors (CPython cancels tasks in set order, so only one task logs)",
    py: `import asyncio
from vloop import log, now, run
async def child(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        if fail:
            log(name, 'cancelled')
            raise KeyError(name)
        raise
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('a', 5))
            tg.create_task(child('b', 5, fail=True))
            await asyncio.sleep(1)
            raise RuntimeError('body failed')
    except* Exception as eg:
        log('group', [type(e).__name__ for e in eg.exceptions], str(eg))
run(main)
`,
    ts: `async function child(name: string, d: number, fail = false) {
  try {
    await ml.sleep(d);
  } catch (e) {
    if (e instanceof ml.CancelledError) {
      if (fail) {
        log(name, 'cancelled');
        const err = new Error(name);
        err.name = 'KeyError';
        throw err;
      }
    }
    throw e;
  }
}
try {
  await ml.withTaskGroup(async (tg) => {
    tg.createTask(() => child('a', 5));
    tg.createTask(() => child('b', 5, true));
    await ml.sleep(1);
    const err = new Error('body failed');
    err.name = 'RuntimeError';
    throw err;
  });
} catch (e) {
  if (e instanceof ml.ExceptionGroup) {
    log('group', '[' + e.exceptions.map((x) => \`'\${(x as Error).name}'\`).join(', ') + ']', e.message);
  } else throw e;
}
`,
    expected: [
      [1, "b cancelled"],
      [1, "group ['KeyError', 'RuntimeError'] unhandled errors in a TaskGroup (2 sub-exceptions)"]
    ],
  },
  {
    name: "TaskGroup: the first failure cancels the siblings and the body; all errors come out together as an ExceptionGroup after every task ended",
    py: `import asyncio
from vloop import log, now, run
async def sibling(name, d):
    try:
        await asyncio.sleep(d)
        log(name, 'finished')
    except asyncio.CancelledError:
        log(name, 'cancelled')
        await asyncio.sleep(1)
        log(name, 'cleaned up')
        raise
async def failing(name, d):
    await asyncio.sleep(d)
    log(name, 'raising')
    raise ValueError(name)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling('s1', 1))
            tg.create_task(failing('f1', 2))
            tg.create_task(sibling('s2', 10))
            tg.create_task(failing('f2', 2))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log('body cancelled')
                raise
    except* ValueError as eg:
        log('caught', [str(e) for e in eg.exceptions], asyncio.current_task().cancelling())
    log('after', now())
run(main)
`,
    ts: `async function sibling(name: string, d: number) {
  try {
    await ml.sleep(d);
    log(name, 'finished');
  } catch (e) {
    if (e instanceof ml.CancelledError) {
      log(name, 'cancelled');
      await ml.sleep(1);
      log(name, 'cleaned up');
    }
    throw e;
  }
}
async function failing(name: string, d: number) {
  await ml.sleep(d);
  log(name, 'raising');
  throw new ml.ValueError(name);
}
try {
  await ml.withTaskGroup(async (tg) => {
    tg.createTask(() => sibling('s1', 1));
    tg.createTask(() => failing('f1', 2));
    tg.createTask(() => sibling('s2', 10));
    tg.createTask(() => failing('f2', 2));
    try {
      await ml.sleep(10);
    } catch (e) {
      if (e instanceof ml.CancelledError) log('body cancelled');
      throw e;
    }
  });
} catch (e) {
  if (e instanceof ml.ExceptionGroup) {
    log('caught', '[' + e.exceptions.map((x) => \`'\${(x as Error).message}'\`).join(', ') + ']', ml.currentTask()!.cancelling());
  } else throw e;
}
log('after', now());
`,
    expected: [
      [1, "s1 finished"],
      [2, "f1 raising"],
      [2, "f2 raising"],
      [2, "s2 cancelled"],
      [2, "body cancelled"],
      [3, "s2 cleaned up"],
      [3, "caught ['f1', 'f2'] 0"],
      [3, "after 3"]
    ],
  },
  {
    name: "TaskGroup: a failure in a nested group propagates as a nested ExceptionGroup and cancels the outer group's tasks",
    py: `import asyncio
from vloop import log, now, run
async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        log(name, 'finished')
    except asyncio.CancelledError:
        log(name, 'cancelled')
        raise
async def boom():
    await asyncio.sleep(2)
    raise ValueError('inner')
async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper('inner sleeper', 10))
        tg.create_task(boom())
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper('outer sleeper', 10))
            tg.create_task(inner_group())
    except* ValueError as eg:
        inner = eg.exceptions[0]
        log('outer group', type(inner).__name__, [str(e) for e in inner.exceptions])
    log('done', now())
run(main)
`,
    ts: `async function sleeper(name: string, d: number) {
  try {
    await ml.sleep(d);
    log(name, 'finished');
  } catch (e) {
    if (e instanceof ml.CancelledError) log(name, 'cancelled');
    throw e;
  }
}
async function boom() {
  await ml.sleep(2);
  throw new ml.ValueError('inner');
}
async function innerGroup() {
  await ml.withTaskGroup(async (tg) => {
    tg.createTask(() => sleeper('inner sleeper', 10));
    tg.createTask(boom);
  });
}
try {
  await ml.withTaskGroup(async (tg) => {
    tg.createTask(() => sleeper('outer sleeper', 10));
    tg.createTask(innerGroup);
  });
} catch (e) {
  if (e instanceof ml.ExceptionGroup) {
    const inner = e.exceptions[0] as ml.ExceptionGroup;
    log('outer group', inner.name, '[' + inner.exceptions.map((x) => \`'\${(x as Error).message}'\`).join(', ') + ']');
  } else throw e;
}
log('done', now());
`,
    expected: [
      [2, "inner sleeper cancelled"],
      [2, "outer sleeper cancelled"],
      [2, "outer group ExceptionGroup ['inner']"],
      [2, "done 2"]
    ],
  },
  {
    name: "TaskGroup: the block waits for every task; tasks start in creation order on the next turn; names; createTask after the end raises RuntimeError",
    py: `import asyncio
from vloop import log, now, run
async def work(name, d):
    log(name, 'start')
    await asyncio.sleep(d)
    log(name, 'end')
    return d
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work('a', 3), name='A')
        b = tg.create_task(work('b', 1))
        log('body done', a.get_name())
    log('group done', a.result(), b.result())
    try:
        tg.create_task(work('late', 1))
    except RuntimeError as e:
        log('RuntimeError')
run(main)
`,
    ts: `async function work(name: string, d: number) {
  log(name, 'start');
  await ml.sleep(d);
  log(name, 'end');
  return d;
}
let a!: ml.Task<number>;
let b!: ml.Task<number>;
let group!: ml.TaskGroup;
await ml.withTaskGroup(async (tg) => {
  group = tg;
  a = tg.createTask(() => work('a', 3), { name: 'A' });
  b = tg.createTask(() => work('b', 1));
  log('body done', a.getName());
});
log('group done', a.result(), b.result());
try {
  group.createTask(() => work('late', 1));
} catch (e) {
  if ((e as Error).name === 'RuntimeError') log('RuntimeError');
}
`,
    expected: [
      [0, "body done A"],
      [0, "a start"],
      [0, "b start"],
      [1, "b end"],
      [3, "a end"],
      [3, "group done 3 1"],
      [3, "RuntimeError"]
    ],
  },
  {
    name: "TaskGroup: cancelling the parent task cancels the children; the group waits for them, then CancelledError propagates",
    py: `import asyncio
from vloop import log, now, run
async def child(name, d):
    try:
        await asyncio.sleep(d)
        log(name, 'finished')
    except asyncio.CancelledError:
        log(name, 'cancelled')
        await asyncio.sleep(2)
        log(name, 'cleaned up')
        raise
async def parent(in_body):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('a', 1))
            tg.create_task(child('b', 10))
            if in_body:
                await asyncio.sleep(10)
        log('not reached')
    except asyncio.CancelledError:
        log('parent got CancelledError', asyncio.current_task().cancelling())
        raise
async def main():
    for in_body in (True, False):
        p = asyncio.create_task(parent(in_body))
        await asyncio.sleep(3)
        p.cancel()
        await asyncio.gather(p, return_exceptions=True)
        log('parent cancelled', p.cancelled())
run(main)
`,
    ts: `async function child(name: string, d: number) {
  try {
    await ml.sleep(d);
    log(name, 'finished');
  } catch (e) {
    if (e instanceof ml.CancelledError) {
      log(name, 'cancelled');
      await ml.sleep(2);
      log(name, 'cleaned up');
    }
    throw e;
  }
}
async function parent(inBody: boolean) {
  try {
    await ml.withTaskGroup(async (tg) => {
      tg.createTask(() => child('a', 1));
      tg.createTask(() => child('b', 10));
      if (inBody) await ml.sleep(10);
    });
    log('not reached');
  } catch (e) {
    if (e instanceof ml.CancelledError) log('parent got CancelledError', ml.currentTask()!.cancelling());
    throw e;
  }
}
for (const inBody of [true, false]) {
  const p = ml.createTask(() => parent(inBody));
  await ml.sleep(3);
  p.cancel();
  await ml.gather(p, { returnExceptions: true });
  log('parent cancelled', p.cancelled());
}
`,
    expected: [
      [1, "a finished"],
      [3, "b cancelled"],
      [5, "b cleaned up"],
      [5, "parent got CancelledError 1"],
      [5, "parent cancelled True"],
      [6, "a finished"],
      [8, "b cancelled"],
      [10, "b cleaned up"],
      [10, "parent got CancelledError 1"],
      [10, "parent cancelled True"]
    ],
  },
  {
    name: "TaskGroup: createTask while the group is aborting raises RuntimeError; a child's error cancels a sibling that is itself inside a timeout",
    setOrder: 'TaskGroup._abort cancels spawner and timed in set order: their two lines at 3 ms come in either order',
    py: `import asyncio
from vloop import log, now, run
async def spawner(tg):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        try:
            tg.create_task(asyncio.sleep(1))
        except RuntimeError:
            log('RuntimeError: shutting down')
        raise
async def timed():
    try:
        async with asyncio.timeout(50):
            await asyncio.sleep(100)
    except TimeoutError:
        log('unexpected TimeoutError')
    except asyncio.CancelledError:
        log('timed child cancelled, not timed out')
        raise
async def bad():
    await asyncio.sleep(3)
    raise ValueError('bad')
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(spawner(tg))
            tg.create_task(timed())
            tg.create_task(bad())
    except* ValueError as eg:
        log('errors', len(eg.exceptions))
run(main)
`,
    ts: `async function spawner(tg: ml.TaskGroup) {
  try {
    await ml.sleep(10);
  } catch (e) {
    try {
      tg.createTask(() => ml.sleep(1));
    } catch (err) {
      if ((err as Error).name === 'RuntimeError') log('RuntimeError: shutting down');
    }
    throw e;
  }
}
async function timed() {
  try {
    await ml.timeout(50, async () => {
      await ml.sleep(100);
    });
  } catch (e) {
    if (e instanceof ml.TimeoutError) log('unexpected TimeoutError');
    else if (e instanceof ml.CancelledError) {
      log('timed child cancelled, not timed out');
      throw e;
    } else throw e;
  }
}
async function bad() {
  await ml.sleep(3);
  throw new ml.ValueError('bad');
}
try {
  await ml.withTaskGroup(async (tg) => {
    tg.createTask(() => spawner(tg));
    tg.createTask(timed);
    tg.createTask(bad);
  });
} catch (e) {
  if (e instanceof ml.ExceptionGroup) log('errors', e.exceptions.length);
  else throw e;
}
`,
    expected: [
      [3, "RuntimeError: shutting down"],
      [3, "timed child cancelled, not timed out"],
      [3, "errors 1"]
    ],
  },
  {
    name: "TaskGroup inside timeout: the deadline cancels the body, the group cancels its tasks, and TimeoutError comes out of the timeout block",
    py: `import asyncio
from vloop import log, now, run
async def child(name, d):
    try:
        await asyncio.sleep(d)
        log(name, 'finished')
    except asyncio.CancelledError:
        log(name, 'cancelled')
        raise
async def main():
    try:
        async with asyncio.timeout(5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child('quick', 2))
                tg.create_task(child('slow', 20))
    except TimeoutError:
        log('TimeoutError', asyncio.current_task().cancelling())
run(main)
`,
    ts: `async function child(name: string, d: number) {
  try {
    await ml.sleep(d);
    log(name, 'finished');
  } catch (e) {
    if (e instanceof ml.CancelledError) log(name, 'cancelled');
    throw e;
  }
}
try {
  await ml.timeout(5, () =>
    ml.withTaskGroup(async (tg) => {
      tg.createTask(() => child('quick', 2));
      tg.createTask(() => child('slow', 20));
    }),
  );
} catch (e) {
  if (e instanceof ml.TimeoutError) log('TimeoutError', ml.currentTask()!.cancelling());
  else throw e;
}
`,
    expected: [
      [2, "quick finished"],
      [5, "slow cancelled"],
      [5, "TimeoutError 0"]
    ],
  },
];

describeTwins('asyncio layer: TaskGroup (sequences checked against CPython)', cases);

/**
 * asyncio layer: Lock, Event, Condition, Semaphore, BoundedSemaphore (sequences checked against CPython)
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
    name: "BoundedSemaphore: releasing past the initial value raises ValueError; Semaphore(-1) raises ValueError",
    py: `import asyncio
from vloop import log, now, run
async def main():
    sem = asyncio.BoundedSemaphore(2)
    await sem.acquire()
    sem.release()
    log('released once')
    try:
        sem.release()
    except ValueError as e:
        log('ValueError', e)
    plain = asyncio.Semaphore(1)
    plain.release()
    log('plain semaphore may grow', plain.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        log('ValueError', e)
run(main)
`,
    ts: `const sem = new ml.BoundedSemaphore(2);
await sem.acquire();
sem.release();
log('released once');
try {
  sem.release();
} catch (e) {
  if (e instanceof ml.ValueError) log('ValueError', e.message);
}
const plain = new ml.Semaphore(1);
plain.release();
log('plain semaphore may grow', plain.locked());
try {
  new ml.Semaphore(-1);
} catch (e) {
  if (e instanceof ml.ValueError) log('ValueError', e.message);
}
`,
    expected: [
      [0, "released once"],
      [0, "ValueError BoundedSemaphore released too many times"],
      [0, "plain semaphore may grow False"],
      [0, "ValueError Semaphore initial value must be >= 0"]
    ],
  },
  {
    name: "Condition: a waiter cancelled in wait() re-acquires the lock before CancelledError propagates",
    py: `import asyncio
from vloop import log, now, run
async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            log('cancelled; holds lock:', cond.locked())
            await asyncio.sleep(2)
            log('still holding')
            raise
async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(1)
    await cond.acquire()
    log('main has lock')
    t.cancel()
    await asyncio.sleep(3)
    log('main releases')
    cond.release()
    try:
        await t
    except asyncio.CancelledError:
        log('task cancelled', cond.locked())
run(main)
`,
    ts: `async function waiter(cond: ml.Condition) {
  await cond.withLock(async () => {
    try {
      await cond.wait();
    } catch (e) {
      if (!(e instanceof ml.CancelledError)) throw e;
      log('cancelled; holds lock:', cond.locked());
      await ml.sleep(2);
      log('still holding');
      throw e;
    }
  });
}
const cond = new ml.Condition();
const t = ml.createTask(() => waiter(cond));
await ml.sleep(1);
await cond.acquire();
log('main has lock');
t.cancel();
await ml.sleep(3);
log('main releases');
cond.release();
try {
  await t;
} catch (e) {
  if (!(e instanceof ml.CancelledError)) throw e;
  log('task cancelled', cond.locked());
}
`,
    expected: [
      [1, "main has lock"],
      [4, "main releases"],
      [4, "cancelled; holds lock: True"],
      [6, "still holding"],
      [6, "task cancelled False"]
    ],
  },
  {
    name: "Condition (3.13): a waiter notified but cancelled before it runs passes the notification on to the next waiter",
    py: `import asyncio
from vloop import log, now, run
async def waiter(cond, name):
    try:
        async with cond:
            await cond.wait()
            log(name, 'notified')
    except asyncio.CancelledError:
        log(name, 'cancelled')
async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(cond, n)) for n in 'abc']
    await asyncio.sleep(1)
    async with cond:
        cond.notify(1)
    ts[0].cancel()
    await asyncio.sleep(1)
    log('b woke without a second notify?', ts[1].done(), ts[2].done())
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
run(main)
`,
    ts: `async function waiter(cond: ml.Condition, name: string) {
  try {
    await cond.withLock(async () => {
      await cond.wait();
      log(name, 'notified');
    });
  } catch (e) {
    if (e instanceof ml.CancelledError) log(name, 'cancelled');
    else throw e;
  }
}
const cond = new ml.Condition();
const ts = ['a', 'b', 'c'].map((n) => ml.createTask(() => waiter(cond, n)));
await ml.sleep(1);
await cond.withLock(() => cond.notify(1));
ts[0]!.cancel();
await ml.sleep(1);
log('b woke without a second notify?', ts[1]!.done(), ts[2]!.done());
await cond.withLock(() => cond.notifyAll());
await ml.gather(...ts);
`,
    expected: [
      [1, "a cancelled"],
      [1, "b notified"],
      [2, "b woke without a second notify? True False"],
      [2, "c notified"]
    ],
  },
  {
    name: "Condition: notify(1) and notifyAll() wake waiters in FIFO order; each re-acquires the lock before wait() returns; waitFor(predicate)",
    py: `import asyncio
from vloop import log, now, run
items = []
async def consumer(cond, name):
    async with cond:
        log(name, 'waiting')
        r = await cond.wait()
        log(name, 'notified', r, cond.locked())
        await asyncio.sleep(1)
    log(name, 'left')
async def predicate_waiter(cond):
    async with cond:
        v = await cond.wait_for(lambda: len(items) >= 2 and len(items))
        log('predicate true with', v)
async def main():
    cond = asyncio.Condition()
    cs = [asyncio.create_task(consumer(cond, n)) for n in ('a', 'b', 'c')]
    p = asyncio.create_task(predicate_waiter(cond))
    await asyncio.sleep(1)
    async with cond:
        cond.notify()
        log('notified one')
    await asyncio.sleep(5)
    async with cond:
        items.append(1)
        cond.notify_all()
        log('notified all')
    await asyncio.sleep(5)
    async with cond:
        items.append(2)
        cond.notify_all()
    await asyncio.gather(*cs, p)
    try:
        cond.notify()
    except RuntimeError as e:
        log('RuntimeError', e)
run(main)
`,
    ts: `const items: number[] = [];
async function consumer(cond: ml.Condition, name: string) {
  await cond.withLock(async () => {
    log(name, 'waiting');
    const r = await cond.wait();
    log(name, 'notified', r, cond.locked());
    await ml.sleep(1);
  });
  log(name, 'left');
}
async function predicateWaiter(cond: ml.Condition) {
  await cond.withLock(async () => {
    const v = await cond.waitFor(() => items.length >= 2 && items.length);
    log('predicate true with', v);
  });
}
const cond = new ml.Condition();
const cs = ['a', 'b', 'c'].map((n) => ml.createTask(() => consumer(cond, n)));
const p = ml.createTask(() => predicateWaiter(cond));
await ml.sleep(1);
await cond.withLock(() => {
  cond.notify();
  log('notified one');
});
await ml.sleep(5);
await cond.withLock(() => {
  items.push(1);
  cond.notifyAll();
  log('notified all');
});
await ml.sleep(5);
await cond.withLock(() => {
  items.push(2);
  cond.notifyAll();
});
await ml.gather(...cs, p);
try {
  cond.notify();
} catch (e) {
  log((e as Error).name, (e as Error).message);
}
`,
    expected: [
      [0, "a waiting"],
      [0, "b waiting"],
      [0, "c waiting"],
      [1, "notified one"],
      [1, "a notified True True"],
      [2, "a left"],
      [6, "notified all"],
      [6, "b notified True True"],
      [7, "b left"],
      [7, "c notified True True"],
      [8, "c left"],
      [11, "predicate true with 2"],
      [11, "RuntimeError cannot notify on un-acquired lock"]
    ],
  },
  {
    name: "Event: set() wakes every waiter in the order they waited; wait() on a set event does not suspend; clear(); a cancelled waiter",
    py: `import asyncio
from vloop import log, now, run
async def waiter(ev, name):
    try:
        r = await ev.wait()
        log(name, 'woke', r)
    except asyncio.CancelledError:
        log(name, 'cancelled')
        raise
async def other():
    for i in range(3):
        log('other', i)
        await asyncio.sleep(0)
async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n)) for n in ('a', 'b', 'c')]
    await asyncio.sleep(1)
    ts[1].cancel()
    await asyncio.sleep(1)
    o = asyncio.create_task(other())
    ev.set()
    log('set', ev.is_set())
    await asyncio.sleep(0)
    log('after one turn')
    await ev.wait()
    log('wait on set event did not suspend')
    ev.clear()
    log('cleared', ev.is_set())
    d = asyncio.create_task(waiter(ev, 'd'))
    await asyncio.sleep(3)
    ev.set()
    await asyncio.gather(*ts, d, o, return_exceptions=True)
    log('end')
run(main)
`,
    ts: `async function waiter(ev: ml.Event, name: string) {
  try {
    const r = await ev.wait();
    log(name, 'woke', r);
  } catch (e) {
    if (e instanceof ml.CancelledError) log(name, 'cancelled');
    throw e;
  }
}
async function other() {
  for (let i = 0; i < 3; i++) {
    log('other', i);
    await ml.sleep(0);
  }
}
const ev = new ml.Event();
const ts = ['a', 'b', 'c'].map((n) => ml.createTask(() => waiter(ev, n)));
await ml.sleep(1);
ts[1]!.cancel();
await ml.sleep(1);
const o = ml.createTask(other);
ev.set();
log('set', ev.isSet());
await ml.sleep(0);
log('after one turn');
await ev.wait();
log('wait on set event did not suspend');
ev.clear();
log('cleared', ev.isSet());
const d = ml.createTask(() => waiter(ev, 'd'));
await ml.sleep(3);
ev.set();
await ml.gather(...ts, d, o, { returnExceptions: true });
log('end');
`,
    expected: [
      [1, "b cancelled"],
      [2, "set True"],
      [2, "other 0"],
      [2, "a woke True"],
      [2, "c woke True"],
      [2, "after one turn"],
      [2, "wait on set event did not suspend"],
      [2, "cleared False"],
      [2, "other 1"],
      [2, "other 2"],
      [5, "d woke True"],
      [5, "end"]
    ],
  },
  {
    name: "Lock: cancelling a task waiting in acquire() removes it from the queue; the next waiter gets the lock",
    py: `import asyncio
from vloop import log, now, run
async def worker(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        log(name, 'cancelled while waiting', lock.locked())
        raise
    log(name, 'acquired')
    await asyncio.sleep(10)
    lock.release()
    log(name, 'released')
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, n)) for n in 'bcd']
    await asyncio.sleep(1)
    tasks[0].cancel()
    await asyncio.sleep(1)
    log('main releases')
    lock.release()
    await asyncio.gather(*tasks, return_exceptions=True)
    log('states', [t.cancelled() for t in tasks])
run(main)
`,
    ts: `async function worker(lock: ml.Lock, name: string) {
  try {
    await lock.acquire();
  } catch (e) {
    if (e instanceof ml.CancelledError) log(name, 'cancelled while waiting', lock.locked());
    throw e;
  }
  log(name, 'acquired');
  await ml.sleep(10);
  lock.release();
  log(name, 'released');
}
const lock = new ml.Lock();
await lock.acquire();
const tasks = ['b', 'c', 'd'].map((n) => ml.createTask(() => worker(lock, n)));
await ml.sleep(1);
tasks[0]!.cancel();
await ml.sleep(1);
log('main releases');
lock.release();
await ml.gather(...tasks, { returnExceptions: true });
log('states', '[' + tasks.map((t) => (t.cancelled() ? 'True' : 'False')).join(', ') + ']');
`,
    expected: [
      [1, "b cancelled while waiting True"],
      [2, "main releases"],
      [2, "c acquired"],
      [12, "c released"],
      [12, "d acquired"],
      [22, "d released"],
      [22, "states [True, False, False]"]
    ],
  },
  {
    name: "Lock: a waiter woken by release() but cancelled before it runs passes the lock on to the next waiter",
    py: `import asyncio
from vloop import log, now, run
async def worker(lock, name):
    try:
        async with lock:
            log(name, 'acquired')
            await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(name, 'cancelled', lock.locked())
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    b = asyncio.create_task(worker(lock, 'b'))
    c = asyncio.create_task(worker(lock, 'c'))
    await asyncio.sleep(1)
    lock.release()
    b.cancel()
    log('released and cancelled b', lock.locked())
    await asyncio.gather(b, c)
    log('end', lock.locked())
run(main)
`,
    ts: `async function worker(lock: ml.Lock, name: string) {
  try {
    await lock.withLock(async () => {
      log(name, 'acquired');
      await ml.sleep(5);
    });
  } catch (e) {
    if (!(e instanceof ml.CancelledError)) throw e;
    log(name, 'cancelled', lock.locked());
  }
}
const lock = new ml.Lock();
await lock.acquire();
const b = ml.createTask(() => worker(lock, 'b'));
const c = ml.createTask(() => worker(lock, 'c'));
await ml.sleep(1);
lock.release();
b.cancel();
log('released and cancelled b', lock.locked());
await ml.gather(b, c);
log('end', lock.locked());
`,
    expected: [
      [1, "released and cancelled b False"],
      [1, "b cancelled False"],
      [1, "c acquired"],
      [6, "end False"]
    ],
  },
  {
    name: "Lock: 3.11+ fairness: a task that releases and re-acquires at once queues behind the woken waiter",
    py: `import asyncio
from vloop import log, now, run
async def greedy(lock):
    for i in range(3):
        await lock.acquire()
        log('greedy has it', i)
        await asyncio.sleep(1)
        lock.release()
async def polite(lock):
    for i in range(3):
        await lock.acquire()
        log('polite has it', i)
        await asyncio.sleep(1)
        lock.release()
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(greedy(lock), polite(lock))
    try:
        lock.release()
    except RuntimeError as e:
        log('RuntimeError', e)
run(main)
`,
    ts: `async function greedy(lock: ml.Lock) {
  for (let i = 0; i < 3; i++) {
    await lock.acquire();
    log('greedy has it', i);
    await ml.sleep(1);
    lock.release();
  }
}
async function polite(lock: ml.Lock) {
  for (let i = 0; i < 3; i++) {
    await lock.acquire();
    log('polite has it', i);
    await ml.sleep(1);
    lock.release();
  }
}
const lock = new ml.Lock();
await ml.gather(() => greedy(lock), () => polite(lock));
try {
  lock.release();
} catch (e) {
  log((e as Error).name, (e as Error).message);
}
`,
    expected: [
      [0, "greedy has it 0"],
      [1, "polite has it 0"],
      [2, "greedy has it 1"],
      [3, "polite has it 1"],
      [4, "greedy has it 2"],
      [5, "polite has it 2"],
      [6, "RuntimeError Lock is not acquired."]
    ],
  },
  {
    name: "Lock: waiters acquire in FIFO order, each one turn after the release",
    py: `import asyncio
from vloop import log, now, run
async def worker(lock, name, hold):
    log(name, 'wants')
    async with lock:
        log(name, 'has', lock.locked())
        await asyncio.sleep(hold)
        log(name, 'releases')
    log(name, 'after release')
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock, 'a', 10), worker(lock, 'b', 5), worker(lock, 'c', 1))
    log('done', lock.locked())
run(main)
`,
    ts: `async function worker(lock: ml.Lock, name: string, hold: number) {
  log(name, 'wants');
  await lock.withLock(async () => {
    log(name, 'has', lock.locked());
    await ml.sleep(hold);
    log(name, 'releases');
  });
  log(name, 'after release');
}
const lock = new ml.Lock();
await ml.gather(() => worker(lock, 'a', 10), () => worker(lock, 'b', 5), () => worker(lock, 'c', 1));
log('done', lock.locked());
`,
    expected: [
      [0, "a wants"],
      [0, "a has True"],
      [0, "b wants"],
      [0, "c wants"],
      [10, "a releases"],
      [10, "a after release"],
      [10, "b has True"],
      [15, "b releases"],
      [15, "b after release"],
      [15, "c has True"],
      [16, "c releases"],
      [16, "c after release"],
      [16, "done False"]
    ],
  },
  {
    name: "Semaphore(2): at most two holders, FIFO wake-ups; locked(); a waiter cancelled after being woken gives its permit to the next",
    py: `import asyncio
from vloop import log, now, run
async def worker(sem, name, hold):
    try:
        async with sem:
            log(name, 'in', sem.locked())
            await asyncio.sleep(hold)
        log(name, 'out')
    except asyncio.CancelledError:
        log(name, 'cancelled')
async def main():
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(worker(sem, n, h)) for n, h in (('a', 10), ('b', 4), ('c', 3), ('d', 3), ('e', 1))]
    await asyncio.sleep(4)
    log('at 4, c was woken; cancel it now', sem.locked())
    ts[2].cancel()
    await asyncio.gather(*ts)
    log('end', sem.locked())
run(main)
`,
    ts: `async function worker(sem: ml.Semaphore, name: string, hold: number) {
  try {
    await sem.withLock(async () => {
      log(name, 'in', sem.locked());
      await ml.sleep(hold);
    });
    log(name, 'out');
  } catch (e) {
    if (!(e instanceof ml.CancelledError)) throw e;
    log(name, 'cancelled');
  }
}
const sem = new ml.Semaphore(2);
const ts = ([['a', 10], ['b', 4], ['c', 3], ['d', 3], ['e', 1]] as const).map(([n, h]) => ml.createTask(() => worker(sem, n, h)));
await ml.sleep(4);
log('at 4, c was woken; cancel it now', sem.locked());
ts[2]!.cancel();
await ml.gather(...ts);
log('end', sem.locked());
`,
    expected: [
      [0, "a in False"],
      [0, "b in True"],
      [4, "at 4, c was woken; cancel it now True"],
      [4, "b out"],
      [4, "c cancelled"],
      [4, "d in True"],
      [7, "d out"],
      [7, "e in True"],
      [8, "e out"],
      [10, "a out"],
      [10, "end False"]
    ],
  },
  {
    name: "Semaphore (3.13): two permits released at once, one woken waiter cancelled before it runs: its permit goes to the next waiter in line",
    py: `import asyncio
from vloop import log, now, run
async def worker(sem, name):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        log(name, 'cancelled')
        return
    log(name, 'acquired', sem.locked())
async def main():
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(worker(sem, n)) for n in 'abcd']
    await asyncio.sleep(1)
    sem.release()
    sem.release()
    ts[0].cancel()
    log('released two, cancelled a', sem.locked())
    await asyncio.sleep(1)
    log('done', [t.done() for t in ts], sem.locked())
    sem.release()
    await asyncio.gather(*ts)
    log('end', sem.locked())
run(main)
`,
    ts: `async function worker(sem: ml.Semaphore, name: string) {
  try {
    await sem.acquire();
  } catch (e) {
    if (e instanceof ml.CancelledError) {
      log(name, 'cancelled');
      return;
    }
    throw e;
  }
  log(name, 'acquired', sem.locked());
}
const sem = new ml.Semaphore(0);
const ts = ['a', 'b', 'c', 'd'].map((n) => ml.createTask(() => worker(sem, n)));
await ml.sleep(1);
sem.release();
sem.release();
ts[0]!.cancel();
log('released two, cancelled a', sem.locked());
await ml.sleep(1);
log('done', '[' + ts.map((t) => (t.done() ? 'True' : 'False')).join(', ') + ']', sem.locked());
sem.release();
await ml.gather(...ts);
log('end', sem.locked());
`,
    expected: [
      [1, "released two, cancelled a True"],
      [1, "a cancelled"],
      [1, "b acquired True"],
      [1, "c acquired True"],
      [2, "done [True, True, True, False] True"],
      [2, "d acquired True"],
      [2, "end True"]
    ],
  },
];

describeTwins('asyncio layer: Lock, Event, Condition, Semaphore, BoundedSemaphore (sequences checked against CPython)', cases);

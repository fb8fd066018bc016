/**
 * asyncio layer: Queue, PriorityQueue, LifoQueue, Barrier (sequences checked against CPython)
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
    name: "Barrier: abort() breaks it: waiting tasks and later arrivals raise BrokenBarrierError; reset() makes it usable again",
    py: `import asyncio
from vloop import log, now, run
async def party(b, name):
    try:
        i = await b.wait()
        log(name, 'passed', i)
    except asyncio.BrokenBarrierError:
        log(name, 'BrokenBarrierError', b.broken)
async def main():
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(b, n)) for n in 'ab']
    await asyncio.sleep(1)
    log('waiting', b.n_waiting)
    await b.abort()
    log('aborted', b.broken)
    await asyncio.gather(*ts)
    await party(b, 'late')
    await b.reset()
    log('reset', b.broken)
    ts = [asyncio.create_task(party(b, n)) for n in 'xyz']
    await asyncio.gather(*ts)
    ts = [asyncio.create_task(party(b, n)) for n in 'pq']
    await asyncio.sleep(1)
    await b.reset()
    await asyncio.gather(*ts)
    log('after reset with waiters', b.broken, b.n_waiting)
run(main)
`,
    ts: `async function party(b: ml.Barrier, name: string) {
  try {
    const i = await b.wait();
    log(name, 'passed', i);
  } catch (e) {
    if (e instanceof ml.BrokenBarrierError) log(name, 'BrokenBarrierError', b.broken);
    else throw e;
  }
}
const b = new ml.Barrier(3);
let ts = ['a', 'b'].map((n) => ml.createTask(() => party(b, n)));
await ml.sleep(1);
log('waiting', b.nWaiting);
await b.abort();
log('aborted', b.broken);
await ml.gather(...ts);
await party(b, 'late');
await b.reset();
log('reset', b.broken);
ts = ['x', 'y', 'z'].map((n) => ml.createTask(() => party(b, n)));
await ml.gather(...ts);
ts = ['p', 'q'].map((n) => ml.createTask(() => party(b, n)));
await ml.sleep(1);
await b.reset();
await ml.gather(...ts);
log('after reset with waiters', b.broken, b.nWaiting);
`,
    expected: [
      [1, "waiting 2"],
      [1, "aborted True"],
      [1, "a BrokenBarrierError True"],
      [1, "b BrokenBarrierError True"],
      [1, "late BrokenBarrierError True"],
      [1, "reset False"],
      [1, "z passed 2"],
      [1, "x passed 0"],
      [1, "y passed 1"],
      [2, "p BrokenBarrierError False"],
      [2, "q BrokenBarrierError False"],
      [2, "after reset with waiters False 0"]
    ],
  },
  {
    name: "Barrier: a party cancelled while waiting leaves; the others keep waiting for a full set",
    py: `import asyncio
from vloop import log, now, run
async def party(b, name):
    try:
        i = await b.wait()
        log(name, 'passed', i)
    except asyncio.CancelledError:
        log(name, 'cancelled', b.n_waiting)
        raise
async def main():
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(b, n)) for n in 'ab']
    await asyncio.sleep(1)
    ts[0].cancel()
    await asyncio.sleep(1)
    log('waiting', b.n_waiting)
    ts += [asyncio.create_task(party(b, n)) for n in 'cd']
    await asyncio.gather(*ts, return_exceptions=True)
    log('end', b.n_waiting)
run(main)
`,
    ts: `async function party(b: ml.Barrier, name: string) {
  try {
    const i = await b.wait();
    log(name, 'passed', i);
  } catch (e) {
    if (e instanceof ml.CancelledError) log(name, 'cancelled', b.nWaiting);
    throw e;
  }
}
const b = new ml.Barrier(3);
const ts = ['a', 'b'].map((n) => ml.createTask(() => party(b, n)));
await ml.sleep(1);
ts[0]!.cancel();
await ml.sleep(1);
log('waiting', b.nWaiting);
ts.push(...['c', 'd'].map((n) => ml.createTask(() => party(b, n))));
await ml.gather(...ts, { returnExceptions: true });
log('end', b.nWaiting);
`,
    expected: [
      [1, "a cancelled 1"],
      [2, "waiting 1"],
      [2, "d passed 2"],
      [2, "b passed 1"],
      [2, "c passed 1"],
      [2, "end 0"]
    ],
  },
  {
    name: "Barrier(3): tasks wait until three arrive, get indices 0..2, and the barrier can be reused; parties / nWaiting",
    py: `import asyncio
from vloop import log, now, run
async def party(b, name, delay):
    for rnd in range(2):
        await asyncio.sleep(delay)
        log(name, 'arrives round', rnd, 'waiting', b.n_waiting)
        i = await b.wait()
        log(name, 'passes round', rnd, 'index', i)
async def main():
    b = asyncio.Barrier(3)
    log('parties', b.parties, 'broken', b.broken)
    await asyncio.gather(party(b, 'a', 1), party(b, 'b', 3), party(b, 'c', 2))
    log('end', b.n_waiting)
run(main)
`,
    ts: `async function party(b: ml.Barrier, name: string, delay: number) {
  for (let rnd = 0; rnd < 2; rnd++) {
    await ml.sleep(delay);
    log(name, 'arrives round', rnd, 'waiting', b.nWaiting);
    const i = await b.wait();
    log(name, 'passes round', rnd, 'index', i);
  }
}
const b = new ml.Barrier(3);
log('parties', b.parties, 'broken', b.broken);
await ml.gather(() => party(b, 'a', 1), () => party(b, 'b', 3), () => party(b, 'c', 2));
log('end', b.nWaiting);
`,
    expected: [
      [0, "parties 3 broken False"],
      [1, "a arrives round 0 waiting 0"],
      [2, "c arrives round 0 waiting 1"],
      [3, "b arrives round 0 waiting 2"],
      [3, "b passes round 0 index 2"],
      [3, "a passes round 0 index 0"],
      [3, "c passes round 0 index 1"],
      [4, "a arrives round 1 waiting 0"],
      [5, "c arrives round 1 waiting 1"],
      [6, "b arrives round 1 waiting 2"],
      [6, "b passes round 1 index 2"],
      [6, "a passes round 1 index 0"],
      [6, "c passes round 1 index 1"],
      [6, "end 0"]
    ],
  },
  {
    name: "PriorityQueue returns the smallest item first, ties broken like Python tuples (heapq order); LifoQueue returns the newest first",
    py: `import asyncio
from vloop import log, now, run
async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, 'c'), (1, 'b'), (1, 'a'), (2, 'x'), (5, 'e'), (0, 'z'), (2, 'w')]:
        pq.put_nowait(item)
    out = []
    while not pq.empty():
        p, v = await pq.get()
        out.append(f'{p}{v}')
    log('priority', ' '.join(out))
    nums = asyncio.PriorityQueue()
    for n in [5, 3, 8, 1, 9, 2]:
        nums.put_nowait(n)
    log('numbers', ' '.join(str(nums.get_nowait()) for _ in range(6)))
    lq = asyncio.LifoQueue()
    for n in range(4):
        await lq.put(n)
    log('lifo', ' '.join(str(lq.get_nowait()) for _ in range(4)))
    try:
        bad = asyncio.PriorityQueue()
        bad.put_nowait((1, {}))
        bad.put_nowait((1, {}))
        log('equal dicts compare equal')
        bad.put_nowait((1, {'a': 1}))
    except TypeError:
        log('TypeError')
run(main)
`,
    ts: `const pq = new ml.PriorityQueue<[number, string]>();
for (const item of [[3, 'c'], [1, 'b'], [1, 'a'], [2, 'x'], [5, 'e'], [0, 'z'], [2, 'w']] as Array<[number, string]>) pq.putNowait(item);
const out: string[] = [];
while (!pq.empty()) {
  const [p, v] = await pq.get();
  out.push(\`\${p}\${v}\`);
}
log('priority', out.join(' '));
const nums = new ml.PriorityQueue<number>();
for (const n of [5, 3, 8, 1, 9, 2]) nums.putNowait(n);
log('numbers', Array.from({ length: 6 }, () => nums.getNowait()).join(' '));
const lq = new ml.LifoQueue<number>();
for (let n = 0; n < 4; n++) await lq.put(n);
log('lifo', Array.from({ length: 4 }, () => lq.getNowait()).join(' '));
try {
  const bad = new ml.PriorityQueue<[number, object]>();
  bad.putNowait([1, {}]);
  bad.putNowait([1, {}]);
  log('equal dicts compare equal');
  bad.putNowait([1, { a: 1 }]);
} catch (e) {
  if (e instanceof TypeError) log('TypeError');
}
`,
    expected: [
      [0, "priority 0z 1a 1b 2w 2x 3c 5e"],
      [0, "numbers 1 2 3 5 8 9"],
      [0, "lifo 3 2 1 0"],
      [0, "equal dicts compare equal"],
      [0, "TypeError"]
    ],
  },
  {
    name: "Queue: a getter cancelled while waiting is skipped; a getter woken by put but cancelled before running passes the item to the next getter",
    py: `import asyncio
from vloop import log, now, run
async def getter(q, name):
    try:
        item = await q.get()
        log(name, 'got', item)
    except asyncio.CancelledError:
        log(name, 'cancelled', q.qsize())
        raise
async def main():
    q = asyncio.Queue()
    a, b, c, d = [asyncio.create_task(getter(q, n)) for n in 'abcd']
    await asyncio.sleep(1)
    a.cancel()
    await asyncio.sleep(1)
    q.put_nowait(1)
    b.cancel()
    log('put 1, cancelled b')
    await asyncio.sleep(1)
    q.put_nowait(2)
    await asyncio.gather(a, b, c, d, return_exceptions=True)
    log('left', q.qsize())
run(main)
`,
    ts: `async function getter(q: ml.Queue<number>, name: string) {
  try {
    const item = await q.get();
    log(name, 'got', item);
  } catch (e) {
    if (e instanceof ml.CancelledError) log(name, 'cancelled', q.qsize());
    throw e;
  }
}
const q = new ml.Queue<number>();
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => ml.createTask(() => getter(q, n)));
await ml.sleep(1);
a!.cancel();
await ml.sleep(1);
q.putNowait(1);
b!.cancel();
log('put 1, cancelled b');
await ml.sleep(1);
q.putNowait(2);
await ml.gather(a!, b!, c!, d!, { returnExceptions: true });
log('left', q.qsize());
`,
    expected: [
      [1, "a cancelled 0"],
      [2, "put 1, cancelled b"],
      [2, "b cancelled 1"],
      [2, "c got 1"],
      [3, "d got 2"],
      [3, "left 0"]
    ],
  },
  {
    name: "Queue: a putter cancelled while the queue is full does not put its item; a woken putter cancelled before running passes the slot on",
    py: `import asyncio
from vloop import log, now, run
async def putter(q, item):
    try:
        await q.put(item)
        log('put', item)
    except asyncio.CancelledError:
        log('put cancelled', item, q.qsize())
        raise
async def main():
    q = asyncio.Queue(1)
    q.put_nowait('x')
    ts = [asyncio.create_task(putter(q, i)) for i in ('a', 'b', 'c')]
    await asyncio.sleep(1)
    ts[0].cancel()
    await asyncio.sleep(1)
    log('got', q.get_nowait())
    ts[1].cancel()
    await asyncio.sleep(1)
    log('got', q.get_nowait(), q.qsize())
    await asyncio.gather(*ts, return_exceptions=True)
run(main)
`,
    ts: `async function putter(q: ml.Queue<string>, item: string) {
  try {
    await q.put(item);
    log('put', item);
  } catch (e) {
    if (e instanceof ml.CancelledError) log('put cancelled', item, q.qsize());
    throw e;
  }
}
const q = new ml.Queue<string>(1);
q.putNowait('x');
const ts = ['a', 'b', 'c'].map((i) => ml.createTask(() => putter(q, i)));
await ml.sleep(1);
ts[0]!.cancel();
await ml.sleep(1);
log('got', q.getNowait());
ts[1]!.cancel();
await ml.sleep(1);
log('got', q.getNowait(), q.qsize());
await ml.gather(...ts, { returnExceptions: true });
`,
    expected: [
      [1, "put cancelled a 1"],
      [2, "got x"],
      [2, "put cancelled b 0"],
      [2, "put c"],
      [3, "got c 0"]
    ],
  },
  {
    name: "Queue(maxsize=2): put() blocks while full; producers and consumers wake in FIFO order; qsize/full/empty",
    py: `import asyncio
from vloop import log, now, run
async def producer(q, name, n):
    for i in range(n):
        await q.put(f'{name}{i}')
        log(name, 'put', i, 'qsize', q.qsize(), 'full', q.full())
async def consumer(q, name, delay):
    while True:
        await asyncio.sleep(delay)
        item = await q.get()
        log(name, 'got', item)
        q.task_done()
async def main():
    q = asyncio.Queue(maxsize=2)
    log('maxsize', q.maxsize, 'empty', q.empty())
    ps = [asyncio.create_task(producer(q, n, 3)) for n in ('p', 'r')]
    cs = [asyncio.create_task(consumer(q, n, d)) for n, d in (('x', 3), ('y', 5))]
    await asyncio.gather(*ps)
    log('producers done')
    await q.join()
    log('joined', q.qsize())
    for c in cs:
        c.cancel()
run(main)
`,
    ts: `async function producer(q: ml.Queue<string>, name: string, n: number) {
  for (let i = 0; i < n; i++) {
    await q.put(\`\${name}\${i}\`);
    log(name, 'put', i, 'qsize', q.qsize(), 'full', q.full());
  }
}
async function consumer(q: ml.Queue<string>, name: string, delay: number) {
  for (;;) {
    await ml.sleep(delay);
    const item = await q.get();
    log(name, 'got', item);
    q.taskDone();
  }
}
const q = new ml.Queue<string>(2);
log('maxsize', q.maxsize, 'empty', q.empty());
const ps = ['p', 'r'].map((n) => ml.createTask(() => producer(q, n, 3)));
const cs = ([['x', 3], ['y', 5]] as const).map(([n, d]) => ml.createTask(() => consumer(q, n, d)));
await ml.gather(...ps);
log('producers done');
await q.join();
log('joined', q.qsize());
for (const c of cs) c.cancel();
`,
    expected: [
      [0, "maxsize 2 empty True"],
      [0, "p put 0 qsize 1 full False"],
      [0, "p put 1 qsize 2 full True"],
      [3, "x got p0"],
      [3, "p put 2 qsize 2 full True"],
      [5, "y got p1"],
      [5, "r put 0 qsize 2 full True"],
      [6, "x got p2"],
      [6, "r put 1 qsize 2 full True"],
      [9, "x got r0"],
      [9, "r put 2 qsize 2 full True"],
      [9, "producers done"],
      [10, "y got r1"],
      [12, "x got r2"],
      [12, "joined 0"]
    ],
  },
  {
    name: "Queue: getNowait/putNowait raise QueueEmpty/QueueFull; taskDone too often raises ValueError; join() on a finished queue returns at once",
    py: `import asyncio
from vloop import log, now, run
async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        log('QueueEmpty')
    q.put_nowait('a')
    try:
        q.put_nowait('b')
    except asyncio.QueueFull:
        log('QueueFull')
    log('got', q.get_nowait())
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        log('ValueError', e)
    await q.join()
    log('join returned', now())
run(main)
`,
    ts: `const q = new ml.Queue<string>(1);
try {
  q.getNowait();
} catch (e) {
  if (e instanceof ml.QueueEmpty) log('QueueEmpty');
}
q.putNowait('a');
try {
  q.putNowait('b');
} catch (e) {
  if (e instanceof ml.QueueFull) log('QueueFull');
}
log('got', q.getNowait());
q.taskDone();
try {
  q.taskDone();
} catch (e) {
  if (e instanceof ml.ValueError) log('ValueError', e.message);
}
await q.join();
log('join returned', now());
`,
    expected: [
      [0, "QueueEmpty"],
      [0, "QueueFull"],
      [0, "got a"],
      [0, "ValueError task_done() called too many times"],
      [0, "join returned 0"]
    ],
  },
  {
    name: "Queue: a woken getter re-checks when it runs; a task that gets first in between takes the item and the woken getter waits again",
    py: `import asyncio
from vloop import log, now, run
async def slow(q):
    item = await q.get()
    log('slow got', item, now())
async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(slow(q))
    await asyncio.sleep(1)
    q.put_nowait('first')
    log('main steals', q.get_nowait())
    await asyncio.sleep(1)
    log('slow still waiting', not t.done())
    q.put_nowait('second')
    await t
run(main)
`,
    ts: `async function slow(q: ml.Queue<string>) {
  const item = await q.get();
  log('slow got', item, now());
}
const q = new ml.Queue<string>();
const t = ml.createTask(() => slow(q));
await ml.sleep(1);
q.putNowait('first');
log('main steals', q.getNowait());
await ml.sleep(1);
log('slow still waiting', !t.done());
q.putNowait('second');
await t;
`,
    expected: [
      [1, "main steals first"],
      [2, "slow still waiting True"],
      [2, "slow got second 2"]
    ],
  },
  {
    name: "Queue.shutdown (3.13): blocked getters and putters raise QueueShutDown; get drains the remaining items first; immediate drops them and releases join()",
    py: `import asyncio
from vloop import log, now, run
async def get_all(q, name):
    try:
        while True:
            item = await q.get()
            log(name, 'got', item)
            q.task_done()
            await asyncio.sleep(1)
    except asyncio.QueueShutDown:
        log(name, 'QueueShutDown')
async def main():
    q = asyncio.Queue(3)
    g = asyncio.create_task(get_all(q, 'g'))
    await asyncio.sleep(1)
    for i in range(2):
        await q.put(i)
    q.put_nowait(2)
    q.shutdown()
    log('shut down', q.qsize())
    try:
        await q.put(9)
    except asyncio.QueueShutDown:
        log('put after shutdown: QueueShutDown')
    await g
    q2 = asyncio.Queue(1)
    q2.put_nowait('a')
    async def blocked_put():
        try:
            await q2.put('b')
        except asyncio.QueueShutDown:
            log('blocked put: QueueShutDown')
    async def joiner():
        await q2.join()
        log('join released')
    p = asyncio.create_task(blocked_put())
    j = asyncio.create_task(joiner())
    await asyncio.sleep(1)
    q2.shutdown(immediate=True)
    log('immediate shutdown', q2.qsize())
    await asyncio.gather(p, j)
run(main)
`,
    ts: `async function getAll(q: ml.Queue<number>, name: string) {
  try {
    for (;;) {
      const item = await q.get();
      log(name, 'got', item);
      q.taskDone();
      await ml.sleep(1);
    }
  } catch (e) {
    if (e instanceof ml.QueueShutDown) log(name, 'QueueShutDown');
    else throw e;
  }
}
const q = new ml.Queue<number>(3);
const g = ml.createTask(() => getAll(q, 'g'));
await ml.sleep(1);
for (let i = 0; i < 2; i++) await q.put(i);
q.putNowait(2);
q.shutdown();
log('shut down', q.qsize());
try {
  await q.put(9);
} catch (e) {
  if (e instanceof ml.QueueShutDown) log('put after shutdown: QueueShutDown');
}
await g;
const q2 = new ml.Queue<string>(1);
q2.putNowait('a');
async function blockedPut() {
  try {
    await q2.put('b');
  } catch (e) {
    if (e instanceof ml.QueueShutDown) log('blocked put: QueueShutDown');
  }
}
async function joiner() {
  await q2.join();
  log('join released');
}
const p = ml.createTask(blockedPut);
const j = ml.createTask(joiner);
await ml.sleep(1);
q2.shutdown(true);
log('immediate shutdown', q2.qsize());
await ml.gather(p, j);
`,
    expected: [
      [1, "shut down 3"],
      [1, "put after shutdown: QueueShutDown"],
      [1, "g got 0"],
      [2, "g got 1"],
      [3, "g got 2"],
      [4, "g QueueShutDown"],
      [5, "immediate shutdown 0"],
      [5, "join released"],
      [5, "blocked put: QueueShutDown"]
    ],
  },
];

describeTwins('asyncio layer: Queue, PriorityQueue, LifoQueue, Barrier (sequences checked against CPython)', cases);

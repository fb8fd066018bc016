import { createTask, sleep, Queue, QueueEmpty, QueueFull } from 'miniloop';

async function producer(q: Queue<number | string>, n: number) {
  for (let i = 0; i < n; i++) {
    await q.put(i);
    console.log(`put ${i} size ${q.qsize()}`);
  }
  console.log('producer done');
}

async function consumer(name: string, q: Queue<number | string>) {
  while (true) {
    const item = await q.get();
    console.log(`${name} got ${item}`);
    await sleep(100);
    q.taskDone();
  }
}

async function main() {
  const q = new Queue<number | string>(2);
  const consumers = ['c1', 'c2'].map((n) => createTask(() => consumer(n, q)));
  await producer(q, 5);
  await q.join();
  console.log('queue joined');
  for (const c of consumers) {
    c.cancel();
  }
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    console.log(`get_nowait: ${e.constructor.name}`);
  }
  q.putNowait('a');
  q.putNowait('b');
  try {
    q.putNowait('c');
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    console.log(`put_nowait: ${e.constructor.name} full ${q.full() ? 'yes' : 'no'}`);
  }
}

await main();

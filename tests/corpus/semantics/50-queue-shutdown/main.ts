import { createTask, gather, sleep, checkpoint, Queue, QueueShutDown } from 'miniloop';

async function getter(name: string, q: Queue<number | string>) {
  while (true) {
    let item: number | string;
    try {
      item = await q.get();
    } catch (e) {
      if (!(e instanceof QueueShutDown)) throw e;
      console.log(`${name}: QueueShutDown`);
      return;
    }
    console.log(`${name} got ${item}`);
    await sleep(100);
    q.taskDone();
  }
}

async function putter(q: Queue<number | string>, item: string) {
  try {
    await q.put(item);
    console.log(`put ${item}`);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log(`put ${item}: QueueShutDown`);
  }
}

async function main() {
  // Queue.shutdown() (3.13): put raises at once, get drains what is left
  // and then raises; shutdown(immediate=True) drops the items and wakes join().
  const q = new Queue<number | string>(1);
  const getters = ['g1', 'g2'].map((n) => createTask(() => getter(n, q)));
  for (let i = 0; i < 3; i++) {
    await q.put(i);
  }
  await sleep(50);
  const late = createTask(() => putter(q, 'late'));
  await checkpoint();
  q.shutdown();
  console.log(`shut down, size ${q.qsize()}`);
  try {
    q.putNowait('x');
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    console.log('put_nowait: QueueShutDown');
  }
  await gather(...getters, late);
  console.log(`getters ended, size ${q.qsize()}`);

  const q2 = new Queue<number>();
  for (let i = 0; i < 3; i++) {
    q2.putNowait(i);
  }
  const joiner = createTask(() => q2.join());
  await sleep(100);
  q2.shutdown(true);
  console.log(`immediate: size ${q2.qsize()}`);
  await joiner;
  console.log('join() returned');
}

await main();

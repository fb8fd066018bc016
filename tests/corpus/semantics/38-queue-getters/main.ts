import { createTask, gather, sleep, checkpoint, Queue, CancelledError, ValueError } from 'miniloop';

async function getter(name: string, q: Queue<string>) {
  try {
    const v = await q.get();
    console.log(`${name} got ${v}`);
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`${name} cancelled`);
    }
    throw e;
  }
}

async function main() {
  const q = new Queue<string>();
  const ts = ['g1', 'g2', 'g3'].map((n) => createTask(() => getter(n, q)));
  await sleep(100);
  ts[0]!.cancel();
  q.putNowait('a');
  q.putNowait('b');
  console.log(`after two puts qsize ${q.qsize()}`);
  await checkpoint();
  console.log(`after one yield qsize ${q.qsize()}`);
  await gather(...ts, { returnExceptions: true });
  q.taskDone();
  q.taskDone();
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log(`extra task_done: ${e.constructor.name}`);
  }
  await q.join();
  console.log('join returns at once');
}

await main();

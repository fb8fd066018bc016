import { createTask, gather, sleep, checkpoint, Lock, CancelledError } from 'miniloop';

async function user(name: string, lock: Lock, hold: number) {
  console.log(`${name} wants the lock`);
  try {
    await lock.acquire();
    try {
      console.log(`${name} has the lock`);
      await sleep(hold);
      console.log(`${name} releases`);
    } finally {
      lock.release();
    }
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`${name} cancelled`);
    }
    throw e;
  }
}

async function main() {
  const lock = new Lock();
  const a = createTask(() => user('a', lock, 300));
  const b = createTask(() => user('b', lock, 100));
  const c = createTask(() => user('c', lock, 100));
  await sleep(100);
  b.cancel();
  await checkpoint();
  console.log(`b cancelled: ${b.cancelled() ? 'yes' : 'no'}`);
  await gather(a, c);
  console.log(`locked at end: ${lock.locked() ? 'yes' : 'no'}`);
}

await main();

import { gather, sleep, Semaphore, BoundedSemaphore, ValueError } from 'miniloop';

async function worker(i: number, sem: Semaphore) {
  await sem.acquire();
  try {
    console.log(`worker ${i} in`);
    await sleep(100 * ((i % 2) + 1));
    console.log(`worker ${i} out`);
  } finally {
    sem.release();
  }
}

async function main() {
  const sem = new Semaphore(2);
  await gather(...[0, 1, 2, 3, 4].map((i) => () => worker(i, sem)));
  const b = new BoundedSemaphore(1);
  await b.acquire();
  b.release();
  try {
    b.release();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log(`over-release: ${e.constructor.name}`);
  }
  console.log(`locked ${b.locked() ? 'yes' : 'no'}`);
}

await main();

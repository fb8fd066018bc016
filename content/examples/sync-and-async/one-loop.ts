import { blockFor, createTask, gather, now, sleep } from 'miniloop';

// Concurrency on one loop: three tasks are in progress at the same time,
// but only one of them runs at any instant.
async function worker(name: string) {
  for (let step = 1; step <= 2; step++) {
    console.log(`${now()} ms: ${name} computes step ${step}`);
    blockFor(30); // 30 ms of work on the loop's thread
    await sleep(100); // waiting for I/O: the loop runs someone else
  }
}

await gather(
  createTask(() => worker('A'), { name: 'A' }),
  createTask(() => worker('B'), { name: 'B' }),
  createTask(() => worker('C'), { name: 'C' }),
);
console.log(`${now()} ms: done`);

import { blockFor, callSoon, createTask, now, sleep } from 'miniloop';

// Each step of a task is one callback in the ready queue, and the
// microtasks it queues run right after it, before the next callback.
async function worker(name: string) {
  console.log(`${name}: step 1`);
  Promise.resolve().then(() => console.log(`${name}: microtask from step 1`));
  await sleep(0); // back to the end of the ready queue
  console.log(`${name}: step 2`);
}

createTask(() => worker('A'), { name: 'A' });
createTask(() => worker('B'), { name: 'B' });
callSoon(() => console.log('a plain callback, queued after A and B'));
await sleep(10);

// Blocking inside a callback delays everything queued behind it.
createTask(() => console.log(`late: ready at 10 ms, runs at ${now()} ms`), { name: 'late' });
blockFor(30); // main keeps the thread until 40 ms

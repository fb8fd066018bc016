import { gather, Lock, Semaphore, sleep, now } from 'miniloop';

// A read-modify-write with an await in the middle: updates get lost.
let balance = 0;
async function deposit() {
  const seen = balance;
  await sleep(10); // e.g. a round trip to a database
  balance = seen + 10;
}
await gather(deposit, deposit, deposit);
console.log(`without a lock: balance = ${balance}`);

balance = 0;
const lock = new Lock();
await gather(...[1, 2, 3].map(() => () => lock.withLock(deposit))); // async with lock:
console.log(`with a lock: balance = ${balance}`);

// A semaphore lets at most N tasks in at once: 6 downloads, 2 at a time.
const slots = new Semaphore(2);
async function download(id: number) {
  await slots.withLock(async () => { // async with slots:
    console.log(`${now()} ms: download ${id} starts`);
    await sleep(100);
  });
}
await gather(...[1, 2, 3, 4, 5, 6].map((id) => () => download(id)));
console.log(`${now()} ms: all downloads done`);

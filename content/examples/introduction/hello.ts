import { createTask, now, sleep } from 'miniloop';

async function worker(name: string, ms: number) {
  console.log(`${name} starts at ${now()} ms`);
  await sleep(ms);
  console.log(`${name} wakes at ${now()} ms`);
}

const a = createTask(() => worker('a', 300), { name: 'a' });
const b = createTask(() => worker('b', 100), { name: 'b' });
await a;
await b;
console.log(`all done at ${now()} ms`);

import { createTask, sleep, now } from 'miniloop';

async function worker(name: string, ms: number): Promise<string> {
  console.log(`${now()} ms: ${name} starts`);
  await sleep(ms);
  console.log(`${now()} ms: ${name} is done`);
  return name.toUpperCase();
}

const a = createTask(() => worker('a', 200), { name: 'a' }); // asyncio.create_task
const b = createTask(() => worker('b', 100), { name: 'b' });
console.log(`${now()} ms: main created two tasks; neither has started`);

const ra = await a; // main waits here; a and b run meanwhile
const rb = await b; // already done: no wait
console.log(`${now()} ms: main got ${ra} and ${rb}`);

import { now, sleep } from 'miniloop';

const delays: Record<string, number> = { a: 30, b: 10, c: 20 };

async function save(name: string) {
  await sleep(delays[name]); // a write to the database
  console.log(`${now()} ms: saved ${name}`);
}

// forEach ignores the promises its callback returns; Promise.all keeps them and waits for all.
await Promise.all(['a', 'b', 'c'].map((name) => save(name)));
console.log(`${now()} ms: all saved`);

import { now, sleep } from 'miniloop';

const delays: Record<string, number> = { a: 30, b: 10, c: 20 };

async function save(name: string) {
  await sleep(delays[name]); // a write to the database
  console.log(`${now()} ms: saved ${name}`);
}

['a', 'b', 'c'].forEach(async (name) => {
  await save(name);
});
console.log(`${now()} ms: all saved`);

import { now, sleep } from 'miniloop';

const delays: Record<string, number> = { a: 30, b: 10, c: 20 };

async function save(name: string) {
  await sleep(delays[name]);
  console.log(`${now()} ms: saved ${name}`);
}

// One after another: slower (60 ms), but every save is awaited before the summary.
for (const name of ['a', 'b', 'c']) {
  await save(name);
}
console.log(`${now()} ms: all saved`);

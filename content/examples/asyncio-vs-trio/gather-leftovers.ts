import { gather, sleep, now, ValueError } from 'miniloop';

async function fetch(name: string, ms: number) {
  await sleep(ms);
  console.log(`${now()} ms: ${name} done`);
}

async function broken() {
  await sleep(150);
  throw new ValueError('bad response');
}

try {
  await gather(fetch('a', 100), fetch('b', 300), broken());
} catch (e) {
  console.log(`${now()} ms: main caught ${(e as Error).constructor.name}, moves on`);
}
console.log(`${now()} ms: main is doing something else`);
await sleep(250);
console.log(`${now()} ms: main done`);

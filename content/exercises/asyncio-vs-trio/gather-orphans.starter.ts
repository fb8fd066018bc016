import { gather, now, sleep, ValueError } from 'miniloop';

async function fetch(name: string, ms: number) {
  await sleep(ms);
  console.log(`${now()} ms: ${name} written to the cache`);
}

async function broken() {
  await sleep(50);
  throw new ValueError('bad response');
}

try {
  await gather(fetch('a', 100), fetch('b', 300), broken());
} catch (e) {
  console.log(`${now()} ms: request failed: ${(e as Error).message}`);
}
console.log(`${now()} ms: main returns`);

import { gather, now, sleep } from 'miniloop';

async function download(name: string, ms: number) {
  await sleep(ms); // waiting on the network: the loop is free meanwhile
  console.log(`${now()} ms: ${name} downloaded`);
}

await download('a', 100);
await download('b', 200);
await gather(() => download('c', 300), () => download('d', 100));
console.log('all done');

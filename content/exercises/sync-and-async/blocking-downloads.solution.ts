import { gather, now, sleep } from 'miniloop';

async function download(name: string) {
  await sleep(100); // a non-blocking wait: the loop runs the other downloads meanwhile
  console.log(`${now()} ms: ${name} downloaded`);
}

await gather(() => download('a'), () => download('b'), () => download('c'));
console.log(`${now()} ms: all downloaded`);

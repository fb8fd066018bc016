import { gather, now, sleep } from 'miniloop';

// An asynchronous "download": awaiting it lets the loop run other tasks.
async function download(name: string): Promise<string> {
  console.log(`${now()} ms: start ${name}`);
  await sleep(100); // waiting, but the loop is free
  console.log(`${now()} ms: got ${name}`);
  return `<${name}>`;
}

const pages = await gather(() => download('a'), () => download('b'), () => download('c'));
console.log(`${now()} ms: all done: ${pages.join(' ')}`);

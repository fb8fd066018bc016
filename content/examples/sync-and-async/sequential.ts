import { blockFor, now } from 'miniloop';

// A synchronous "download": the caller waits until it returns.
function download(name: string): string {
  console.log(`${now()} ms: start ${name}`);
  blockFor(100); // 100 ms of waiting, during which nothing else can run
  console.log(`${now()} ms: got ${name}`);
  return `<${name}>`;
}

const pages = ['a', 'b', 'c'].map(download);
console.log(`${now()} ms: all done: ${pages.join(' ')}`);

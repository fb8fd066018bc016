import { blockFor, gather, now } from 'miniloop';

async function download(name: string) {
  blockFor(100); // fetch the file with a blocking client (like requests.get or time.sleep)
  console.log(`${now()} ms: ${name} downloaded`);
}

await gather(() => download('a'), () => download('b'), () => download('c'));
console.log(`${now()} ms: all downloaded`);

import { now, sleep } from 'miniloop';

// The article's hello(), with async/await.
async function hello() {
  console.log('Hello...');
  await sleep(100); // suspends hello; the loop is free meanwhile
  console.log(`world! (${now()} ms)`);
  return 'Done.';
}

// A playground's top level already runs on the event loop, like the coroutine
// that asyncio.run() starts, so it awaits hello() directly.
const result = await hello(); // Python: result = asyncio.run(hello())
console.log(result);

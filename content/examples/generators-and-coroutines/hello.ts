import { now, run, sleep } from 'miniloop';

// The article's hello(), with async/await.
async function hello() {
  console.log('Hello...');
  await sleep(100); // suspends hello; the loop is free meanwhile
  console.log(`world! (${now()} ms)`);
  return 'Done.';
}

const result = await run(hello); // asyncio.run(hello())
console.log(result);

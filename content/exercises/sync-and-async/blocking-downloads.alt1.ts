import { now, toThread } from 'miniloop';

// Keep the blocking client, but call it in worker threads (asyncio.to_thread).
const fetchFile = (name: string) => `${name}.zip`;

await Promise.all(
  ['a', 'b', 'c'].map(async (name) => {
    await toThread(() => fetchFile(name), 100);
    console.log(`${now()} ms: ${name} downloaded`);
  }),
);
console.log(`${now()} ms: all downloaded`);

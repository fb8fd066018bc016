import { createTask, blockFor, toThread, sleep, now } from 'miniloop';

async function ticker(label: string) {
  for (let i = 0; i < 3; i++) {
    console.log(`${now()} ms: tick ${label}`);
    await sleep(100);
  }
}

// A blocking call on the loop's thread (time.sleep, requests.get, a big loop):
let ticks = createTask(() => ticker('A'), { name: 'ticker' });
blockFor(250); // nothing else runs for 250 ms, not even the ticker's start
console.log(`${now()} ms: blocking call returned`);
await ticks;

// The same call in a worker thread: the loop keeps ticking meanwhile.
ticks = createTask(() => ticker('B'), { name: 'ticker' });
const report = await toThread(() => 'report.pdf', 250); // asyncio.to_thread(render)
console.log(`${now()} ms: the thread returned ${report}`);
await ticks;

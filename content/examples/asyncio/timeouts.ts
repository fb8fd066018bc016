import { timeout, waitFor, sleep, now, TimeoutError } from 'miniloop';

async function query(ms: number): Promise<string> {
  try {
    await sleep(ms);
    return `rows after ${ms} ms`;
  } finally {
    console.log(`${now()} ms: query(${ms}) cleans up`);
  }
}

// Python 3.11+: async with asyncio.timeout(0.5): ...
const rows = await timeout(500, () => query(200));
console.log(`${now()} ms: ${rows}`);

try {
  await timeout(300, () => query(1000)); // the deadline passes first
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms: timeout() raised TimeoutError`);
}

// The older spelling, for one awaitable: asyncio.wait_for(coro, 0.1)
try {
  await waitFor(() => query(1000), 100);
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms: waitFor raised TimeoutError`);
}

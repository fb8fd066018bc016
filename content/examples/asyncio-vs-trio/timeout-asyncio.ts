import { timeout, sleep, now, TimeoutError } from 'miniloop';

// async with asyncio.timeout(0.1): running out raises TimeoutError.
try {
  await timeout(100, async () => {
    await sleep(300);
  });
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms: ${e.constructor.name}`);
}

// To "move on" instead, catch it; to give more time, reschedule.
const start = now();
await timeout(100, async (cm) => {
  cm.reschedule(now() + 300); // an absolute time, like loop.time()
  await sleep(200);
  console.log(`${now() - start} ms later: finished, expired() = ${cm.expired()}`);
});

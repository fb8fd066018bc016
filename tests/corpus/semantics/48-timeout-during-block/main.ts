import { blockFor, sleep, timeout, TimeoutError } from 'miniloop';

async function main() {
  // asyncio's timeout is an ordinary timer: after the stall, the task's
  // sleep(0) wake-up is already queued and runs first; the next await raises.
  try {
    await timeout(1000, async () => {
      console.log('a: start');
      blockFor(2000);
      console.log('a: blocked 2s');
      await sleep(0);
      console.log('a: after first sleep0');
      await sleep(0);
      console.log('a: after second sleep0');
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('a: timeout');
  }
  try {
    await timeout(1000, async () => {
      blockFor(2000);
      await sleep(5000);
      console.log('b: after sleep');
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('b: timeout');
  }
}

await main();

import { ExceptionGroup, now, sleep, ValueError, withTaskGroup } from 'miniloop';

async function fetch(name: string, ms: number) {
  await sleep(ms);
  console.log(`${now()} ms: ${name} written to the cache`);
}

async function broken() {
  await sleep(50);
  throw new ValueError('bad response');
}

// A TaskGroup cancels the other tasks when one fails, and waits for them before raising.
try {
  await withTaskGroup(async (tg) => {
    tg.createTask(() => fetch('a', 100));
    tg.createTask(() => fetch('b', 300));
    tg.createTask(broken);
  });
} catch (e) {
  if (!(e instanceof ExceptionGroup)) throw e;
  console.log(`${now()} ms: request failed: ${(e.exceptions[0] as Error).message}`);
}
console.log(`${now()} ms: main returns`);

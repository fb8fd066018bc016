import { createTask, run, sleep, CancelledError, ValueError } from 'miniloop';

async function raisesInCleanup() {
  try {
    await sleep(10_000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('raiser cancelled');
    await sleep(100);
    throw new ValueError('cleanup failed');
  }
}

async function swallows() {
  try {
    await sleep(10_000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(50);
    console.log('swallower cancelled, returns instead');
    await sleep(200);
    return 'ignored';
  }
}

class KeyError extends Error {
  override name = 'KeyError';
}

async function failedEarly() {
  await sleep(100);
  throw new KeyError("'early'");
}

async function main() {
  createTask(raisesInCleanup, { name: 'raiser' });
  createTask(swallows, { name: 'swallower' });
  const early = createTask(failedEarly, { name: 'early' });
  await sleep(300);
  console.log(`early done: ${early.done() ? 'True' : 'False'}`);
  try {
    early.result();
  } catch (e) {
    if (e instanceof KeyError) console.log(`early raised KeyError ${e.message}`);
  }
  console.log('main returns');
}

await run(main);
console.log('after run');

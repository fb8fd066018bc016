import { createTask, run, sleep, CancelledError } from 'miniloop';

async function worker(name: string, cleanup: number) {
  try {
    await sleep(10_000);
    console.log(`${name} finished`);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(cleanup);
    console.log(`${name} was cancelled`);
    await sleep(100);
    console.log(`${name} cleaned up`);
    throw e;
  }
}

async function main() {
  createTask(() => worker('a', 300));
  createTask(() => worker('b', 100));
  await sleep(500);
  console.log('main returns');
  return 42;
}

console.log(`run returned ${await run(main)}`);

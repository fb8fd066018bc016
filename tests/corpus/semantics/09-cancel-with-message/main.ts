import { createTask, sleep, CancelledError } from 'miniloop';

async function worker() {
  try {
    console.log('worker sleeping');
    await sleep(1000);
    console.log('not reached');
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`worker caught CancelledError: ${e.message}`);
      await sleep(100);
      console.log('worker cleanup done');
    }
    throw e;
  } finally {
    console.log('worker finally');
  }
}

async function main() {
  const t = createTask(() => worker());
  await sleep(200);
  console.log('main cancels');
  t.cancel('stop now');
  console.log(`cancelling, done? ${t.done() ? 'yes' : 'no'}`);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(`main sees CancelledError: ${e.message}`);
  }
  console.log(`cancelled() ${t.cancelled() ? 'yes' : 'no'}`);
  const t2 = createTask(() => worker());
  t2.cancel();
  console.log('cancelled before it started');
  try {
    await t2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(`t2 cancelled() ${t2.cancelled() ? 'yes' : 'no'}`);
  }
}

await main();

import { createTask, sleep, Condition, CancelledError } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function waiter(cond: Condition) {
  await cond.acquire();
  try {
    try {
      console.log('waiter waits');
      await cond.wait();
    } catch (e) {
      if (e instanceof CancelledError) {
        console.log(`waiter sees the cancel, holds the lock again: ${yn(cond.locked())}`);
      }
      throw e;
    } finally {
      console.log('waiter finally');
    }
  } finally {
    cond.release();
  }
}

async function main() {
  const cond = new Condition();
  const t = createTask(() => waiter(cond));
  await sleep(100);
  await cond.acquire();
  console.log('main holds the lock and cancels the waiter');
  t.cancel();
  await sleep(200);
  console.log('main releases');
  cond.release();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('waiter task cancelled');
  }
  console.log(`locked ${yn(cond.locked())}`);
}

await main();

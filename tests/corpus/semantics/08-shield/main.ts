import { createTask, shield, waitFor, sleep, CancelledError, TimeoutError, type Task } from 'miniloop';

async function important(): Promise<string> {
  console.log('important start');
  await sleep(500);
  console.log('important end');
  return 'saved';
}

async function waiter(inner: Task<string>) {
  try {
    const r = await shield(inner);
    console.log(`waiter got ${r}`);
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log('waiter cancelled');
    }
    throw e;
  }
}

async function main() {
  const inner = createTask(() => important());
  const outer = createTask(() => waiter(inner));
  await sleep(100);
  outer.cancel();
  try {
    await outer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('outer cancelled');
  }
  console.log(`inner cancelled? ${inner.cancelled() ? 'yes' : 'no'}`);
  const r = await inner;
  console.log(`inner result ${r}`);
  try {
    await waitFor(shield(createTask(() => important())), 200);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('wait_for timed out, shielded work continues');
  }
  await sleep(400);
  console.log('end');
}

await main();

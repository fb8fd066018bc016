import { createTask, sleep, shield, CancelledError, ValueError, type Task } from 'miniloop';

async function failsLater(): Promise<never> {
  await sleep(200);
  console.log('inner raising');
  throw new ValueError('late');
}

async function waiter(inner: Task<never>) {
  try {
    await shield(inner);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('waiter cancelled, inner still running');
    throw e;
  }
}

async function main() {
  // No handler to set: the loop prints what asyncio's default handler logs
  // (its message line), as an error line.
  const inner = createTask(() => failsLater());
  const w = createTask(() => waiter(inner));
  await sleep(100);
  w.cancel();
  await sleep(200);
  // 3.14 (gh-86802): once the shield's outer future is cancelled, an error
  // the inner one ends with goes to the loop's exception handler ("...
  // exception in shielded future"); up to 3.13 it was marked retrieved and
  // never shown.
  console.log(`inner done, error ${(inner.exception() as Error).constructor.name}`);
}

await main();

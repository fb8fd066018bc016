import { waitFor, sleep, CancelledError, TimeoutError } from 'miniloop';

async function job(name: string): Promise<string> {
  console.log(`${name} started`);
  await sleep(100);
  console.log(`${name} finished`);
  return name;
}

async function stubborn(): Promise<string | undefined> {
  try {
    await sleep(1000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('stubborn swallows the cancel');
    await sleep(100);
    return 'late value';
  }
  return undefined;
}

async function main() {
  try {
    await waitFor(() => job('zero'), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('timeout 0: the coroutine never ran');
  }
  let r: string | undefined = await waitFor(() => job('none'), null);
  console.log(`no timeout: ${r}`);
  r = await waitFor(() => stubborn(), 200);
  console.log(`wait_for returned ${r} instead of raising`);
}

await main();

import { createTask, waitFor, sleep, CancelledError, TimeoutError } from 'miniloop';

async function slow(name: string, delay: number): Promise<string> {
  console.log(`${name} start`);
  try {
    await sleep(delay);
    console.log(`${name} done`);
    return name;
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`${name} got CancelledError`);
    }
    throw e;
  } finally {
    console.log(`${name} finally`);
  }
}

async function main() {
  const r = await waitFor(() => slow('fast', 100), 500);
  console.log(`result ${r}`);
  try {
    await waitFor(() => slow('slow', 1000), 300);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(`caught ${e.constructor.name}`);
  }
  const t = createTask(() => slow('task', 1000));
  try {
    await waitFor(t, 200);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(`task cancelled? ${t.cancelled() ? 'yes' : 'no'}`);
  }
  console.log('end');
}

await main();

import { createTask, sleep, checkpoint, Future, InvalidStateError, ValueError } from 'miniloop';

async function main() {
  const fut = new Future<string>();
  fut.addDoneCallback((f) => console.log(`callback 1 sees ${f.result()}`));
  fut.addDoneCallback(() => console.log('callback 2'));

  async function setter() {
    await sleep(100);
    console.log('setting result');
    fut.setResult('R');
    console.log('set_result returned');
  }

  createTask(() => setter());
  const r = await fut;
  console.log(`awaited ${r}`);
  try {
    fut.setResult('again');
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log(`second set_result: ${e.constructor.name}`);
  }
  fut.addDoneCallback(() => console.log('late callback'));
  console.log('added late callback');
  await checkpoint();
  const f2 = new Future<string>();
  f2.addDoneCallback((f) => console.log(`f2 cancelled ${f.cancelled() ? 'yes' : 'no'}`));
  f2.cancel();
  await checkpoint();
  const f3 = new Future<string>();
  f3.setException(new ValueError('bad value'));
  try {
    await f3;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log(`f3 raised ${e.constructor.name}: ${e.message}`);
  }
}

await main();

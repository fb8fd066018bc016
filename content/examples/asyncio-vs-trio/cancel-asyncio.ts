import { createTask, currentTask, sleep, now, CancelledError } from 'miniloop';

async function stubborn() {
  try {
    await sleep(1000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(`${now()} ms: CancelledError swallowed, cancelling() = ${currentTask()!.cancelling()}`);
  }
  await sleep(100); // the request was delivered once: nothing stops this
  console.log(`${now()} ms: still running`);
  return 'finished anyway';
}

const task = createTask(stubborn, { name: 'stubborn' });
await sleep(100);
task.cancel();
const result = await task;
console.log(`${now()} ms: task returned "${result}", cancelled() = ${task.cancelled()}`);

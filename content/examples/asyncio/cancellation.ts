import { createTask, sleep, shield, now, CancelledError } from 'miniloop';

async function download(): Promise<string> {
  try {
    console.log(`${now()} ms: download starts`);
    await sleep(1000);
    return 'file';
  } finally {
    console.log(`${now()} ms: download closes its connection`); // runs on cancel too
  }
}

const task = createTask(download, { name: 'download' });
await sleep(100);
task.cancel(); // a request: CancelledError is thrown into the task at its await
try {
  await task;
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  console.log(`${now()} ms: awaiting it raised CancelledError, cancelled() = ${task.cancelled()}`);
}

// shield: cancelling the waiter does not cancel the work it waits for.
async function save(): Promise<void> {
  await sleep(300);
  console.log(`${now()} ms: save finished`);
}
const saving = createTask(save, { name: 'save' });
const waiter = createTask(async () => {
  await shield(saving);
}, { name: 'waiter' });
await sleep(100);
waiter.cancel();
await sleep(0);
console.log(`${now()} ms: waiter cancelled = ${waiter.cancelled()}, save done = ${saving.done()}`);
await saving;

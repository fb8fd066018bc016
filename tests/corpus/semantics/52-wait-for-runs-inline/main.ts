import { waitFor, sleep, currentTask, allTasks, TimeoutError, type Task } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function job(caller: Task<unknown>): Promise<string> {
  console.log(`job runs in the caller's task: ${yn(currentTask() === caller)}`);
  await sleep(100);
  return 'done';
}

async function slow() {
  await sleep(1000);
}

async function main() {
  const me = currentTask()!;
  // 3.12+: wait_for is `async with timeout(...)` around `await coro`, so the
  // coroutine runs in the calling task; 3.11 wrapped it in a new task.
  const r = await waitFor(() => job(me), 500);
  console.log(`result ${r}, tasks alive ${allTasks().size}`);
  try {
    await waitFor(() => slow(), 200);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(`TimeoutError, cause ${(e.cause as Error).constructor.name}`);
  }
}

await main();

import { createTask, gather, now, sleep, ValueError } from 'miniloop';

async function fetch(name: string, ms: number) {
  await sleep(ms);
  console.log(`${now()} ms: ${name} written to the cache`);
}

async function broken() {
  await sleep(50);
  throw new ValueError('bad response');
}

// Keep gather, but own the tasks: on failure cancel the rest and wait until they are gone.
const tasks = [createTask(() => fetch('a', 100)), createTask(() => fetch('b', 300)), createTask(broken)];
try {
  await gather(...tasks);
} catch (e) {
  for (const task of tasks) task.cancel();
  await gather(...tasks, { returnExceptions: true });
  console.log(`${now()} ms: request failed: ${(e as Error).message}`);
}
console.log(`${now()} ms: main returns`);

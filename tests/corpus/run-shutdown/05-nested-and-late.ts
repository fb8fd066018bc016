import { createTask, run, sleep, CancelledError } from 'miniloop';

async function grandchild() {
  try {
    await sleep(10_000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(20);
    console.log('grandchild cancelled');
    throw e;
  }
}

async function parent() {
  createTask(grandchild, { name: 'grandchild' });
  try {
    await sleep(10_000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('parent cancelled');
    await sleep(50);
    console.log('parent cleaned up');
    throw e;
  }
}

async function late() {
  console.log('late task runs its first step');
}

async function main() {
  createTask(parent, { name: 'parent' });
  await sleep(100);
  createTask(late, { name: 'late' });
  console.log('main returns');
  return 'done';
}

console.log(`run returned ${await run(main)}`);

import { checkpoint, createTask, run, CancelledError } from 'miniloop';

async function spinner() {
  let i = 0;
  try {
    for (;;) {
      console.log(`spin ${i}`);
      i += 1;
      await checkpoint();
    }
  } catch (e) {
    if (e instanceof CancelledError) console.log(`spinner cancelled after ${i}`);
    throw e;
  }
}

async function main() {
  createTask(spinner, { name: 'spinner' });
  await checkpoint();
  await checkpoint();
  console.log('main returns');
}

await run(main);
console.log('after run');

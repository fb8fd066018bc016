import { createTask, run, sleep, RuntimeError } from 'miniloop';

async function child() {
  try {
    await sleep(10_000);
  } finally {
    console.log('child finally');
  }
}

async function main() {
  createTask(child, { name: 'child' });
  await sleep(200);
  throw new RuntimeError('main failed');
}

try {
  await run(main);
} catch (e) {
  if (e instanceof RuntimeError) console.log(`run raised RuntimeError: ${e.message}`);
}

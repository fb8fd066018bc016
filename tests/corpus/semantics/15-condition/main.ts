import { createTask, gather, sleep, Condition } from 'miniloop';

async function consumer(name: string, cond: Condition, items: string[]) {
  await cond.acquire();
  try {
    console.log(`${name} waits`);
    await cond.waitFor(() => items.length > 0);
    console.log(`${name} took ${items.shift()}`);
  } finally {
    cond.release();
  }
}

async function main() {
  const cond = new Condition();
  const items: string[] = [];
  const tasks = ['c1', 'c2', 'c3'].map((n) => createTask(() => consumer(n, cond, items)));
  await sleep(100);
  await cond.acquire();
  try {
    items.push('x');
    console.log('notify(1)');
    cond.notify(1);
  } finally {
    cond.release();
  }
  await sleep(100);
  await cond.acquire();
  try {
    items.push('y', 'z');
    console.log('notify_all');
    cond.notifyAll();
  } finally {
    cond.release();
  }
  await gather(...tasks);
  console.log(`left ${items.length}`);
}

await main();

import { gather, sleep, Lock } from 'miniloop';

async function user(name: string, lock: Lock, start: number) {
  await sleep(start);
  console.log(`${name} wants the lock`);
  await lock.acquire();
  try {
    console.log(`${name} holds the lock`);
    await sleep(100);
  } finally {
    lock.release();
    console.log(`${name} released`);
  }
}

async function main() {
  const lock = new Lock();
  await gather(() => user('a', lock, 0), () => user('b', lock, 10), () => user('c', lock, 20), () => user('d', lock, 150));
  console.log(`locked ${lock.locked() ? 'yes' : 'no'}`);
}

await main();

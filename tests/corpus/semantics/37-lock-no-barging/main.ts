import { gather, sleep, Lock } from 'miniloop';

async function holder(lock: Lock) {
  for (let i = 0; i < 3; i++) {
    await lock.acquire();
    try {
      console.log(`holder round ${i}`);
      await sleep(100);
    } finally {
      lock.release();
    }
    console.log(`holder released ${i}`);
  }
}

async function other(name: string, lock: Lock, start: number) {
  await sleep(start);
  console.log(`${name} wants the lock`);
  await lock.acquire();
  try {
    console.log(`${name} got the lock`);
    await sleep(100);
  } finally {
    lock.release();
  }
}

async function main() {
  const lock = new Lock();
  await gather(() => holder(lock), () => other('a', lock, 50), () => other('b', lock, 60));
  console.log('end');
}

await main();

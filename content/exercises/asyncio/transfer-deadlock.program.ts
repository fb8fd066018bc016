import { createTask, gather, Lock, now, sleep } from 'miniloop';

// One lock per account, so two transfers never update the same balance at once.
const locks: Record<string, Lock> = { ann: new Lock(), bob: new Lock() };
const balance: Record<string, number> = { ann: 100, bob: 100 };

async function transfer(from: string, to: string, amount: number) {
  await locks[from].withLock(async () => {
    await sleep(10); // read the balance from the database
    await locks[to].withLock(async () => {
      balance[from] -= amount;
      balance[to] += amount;
      console.log(`${now()} ms: ${from} -> ${to}: ${amount}`);
    });
  });
}

const a = createTask(() => transfer('ann', 'bob', 30), { name: 'ann-to-bob' });
const b = createTask(() => transfer('bob', 'ann', 20), { name: 'bob-to-ann' });
await gather(a, b);


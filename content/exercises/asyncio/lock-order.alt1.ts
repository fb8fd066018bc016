import { gather, Lock, now, sleep } from 'miniloop';

// One lock for every transfer: simpler, and a single lock cannot be taken in the wrong order.
// (It also serialises unrelated transfers; fine for a small bank.)
const ledger = new Lock();
const balance: Record<string, number> = { ann: 100, bob: 100 };

async function transfer(from: string, to: string, amount: number) {
  await ledger.acquire();
  try {
    await sleep(10); // read the balances from the database
    balance[from] -= amount;
    balance[to] += amount;
    console.log(`${now()} ms: ${from} -> ${to}: ${amount}`);
  } finally {
    ledger.release();
  }
}

await gather(() => transfer('ann', 'bob', 30), () => transfer('bob', 'ann', 20));

import { blockFor, createTask, now, sleep } from 'miniloop';

// A task that should print every 100 ms.
async function ticker() {
  for (let i = 1; i <= 5; i++) {
    await sleep(100);
    console.log(`tick ${i} at ${now()} ms`);
  }
}

async function careless() {
  await sleep(150);
  console.log(`careless blocks at ${now()} ms`);
  blockFor(250); // like time.sleep(0.25) inside a coroutine
  console.log(`careless is back at ${now()} ms`);
}

const t = createTask(ticker, { name: 'ticker' });
createTask(careless, { name: 'careless' });
await t;

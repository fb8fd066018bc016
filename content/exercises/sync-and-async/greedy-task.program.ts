import { gather, sleep } from 'miniloop';

async function polite() {
  for (let i = 1; i <= 3; i++) {
    console.log(`polite ${i}`);
    await sleep(0); // give the others a turn
  }
}

async function greedy() {
  for (let i = 1; i <= 3; i++) {
    console.log(`greedy ${i}`); // no await inside the loop
  }
  await sleep(0);
  console.log('greedy done');
}

await gather(polite, greedy);

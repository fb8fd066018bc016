import { gather, sleep, Barrier } from 'miniloop';

async function party(name: string, delay: number, barrier: Barrier) {
  await sleep(delay);
  console.log(`${name} arrives`);
  const i = await barrier.wait();
  console.log(`${name} passes with index ${i}`);
}

async function main() {
  const barrier = new Barrier(3);
  await gather(() => party('a', 100, barrier), () => party('b', 300, barrier), () => party('c', 200, barrier));
  console.log(`round 1 done, waiting ${barrier.nWaiting}`);
  await gather(() => party('d', 0, barrier), () => party('e', 0, barrier), () => party('f', 100, barrier));
  console.log('round 2 done');
}

await main();

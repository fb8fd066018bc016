import { Cancelled, openNursery, sleep, ValueError } from 'miniloop';

async function worker(name: string, ms: number) {
  try {
    await sleep(ms);
    console.log(`${name} done`);
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${name} cancelled`);
    throw e;
  }
}

async function flaky() {
  await sleep(50);
  console.log('flaky raises');
  throw new ValueError('bad response');
}

try {
  await openNursery(async (nursery) => {
    nursery.startSoon(worker, 'slow', 200);
    nursery.startSoon(flaky);
    nursery.startSoon(worker, 'fast', 20);
    console.log('body ends');
  });
} catch {
  console.log('the nursery raised');
}

import { openNursery, sleep, now, Cancelled, ExceptionGroup, ValueError } from 'miniloop';

async function fetch(name: string, ms: number) {
  try {
    await sleep(ms);
    console.log(`${now()} ms: ${name} done`);
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${now()} ms: ${name} cancelled`);
    throw e; // never swallow Cancelled
  }
}

async function broken() {
  await sleep(150);
  console.log(`${now()} ms: broken raises ValueError`);
  throw new ValueError('bad response');
}

try {
  await openNursery(async (nursery) => {
    nursery.startSoon(fetch, 'a', 100);
    nursery.startSoon(fetch, 'b', 300);
    nursery.startSoon(broken);
  });
} catch (e) {
  if (!(e instanceof ExceptionGroup)) throw e;
  for (const sub of e.exceptions as Error[]) {
    console.log(`${now()} ms: caught ${sub.constructor.name}: ${sub.message}`);
  }
  console.log(`(one ${e.constructor.name}, ${e.exceptions.length} error)`);
}

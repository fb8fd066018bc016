import { now, sleep, timeout, TimeoutError } from 'miniloop';

async function query() {
  try {
    await sleep(1000); // a slow query
  } finally {
    console.log(`${now()} ms: rolling back`);
    await sleep(50); // the rollback is a round trip too
  }
}

try {
  await timeout(300, query);
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log('TimeoutError caught');
}

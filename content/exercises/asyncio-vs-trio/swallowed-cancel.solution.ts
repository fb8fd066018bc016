import { CancelledError, now, sleep, timeout, TimeoutError, ValueError } from 'miniloop';

async function fetchWithRetry() {
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      await sleep(300); // the request...
      throw new ValueError('connection reset'); // ...fails every time today
    } catch (e) {
      if (e instanceof CancelledError) throw e; // a cancellation is not a failed attempt: let it through
      console.log(`${now()} ms: attempt ${attempt} failed (${(e as Error).name}), retrying`);
    }
  }
  return 'gave up after 10 attempts';
}

try {
  const result = await timeout(1000, fetchWithRetry);
  console.log(`${now()} ms: ${result}`);
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms: timed out`);
}

import { now, sleep, timeout, TimeoutError, ValueError } from 'miniloop';

async function fetchWithRetry() {
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      await sleep(300);
      throw new ValueError('connection reset');
    } catch (e) {
      // Catch only the failure we know how to retry; anything else (a cancellation too) propagates.
      if (!(e instanceof ValueError)) throw e;
      console.log(`${now()} ms: attempt ${attempt} failed (${e.name}), retrying`);
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

import { sleep, TimeoutError, waitFor } from 'miniloop';

async function slow() {
  await sleep(1000);
  return 'finished';
}

try {
  await waitFor(slow(), 300);
} catch (error) {
  console.log(error instanceof TimeoutError ? 'timed out after 300 ms' : `unexpected: ${error}`);
}
console.warn('a warning, for the console panel');

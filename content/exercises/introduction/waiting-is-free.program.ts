import { blockFor, gather, sleep } from 'miniloop';

await gather(
  () => sleep(300), // waits: costs no work
  async () => {
    await sleep(100);
    blockFor(250); // works: holds the loop for 250 ms
  },
);
console.log('finished');

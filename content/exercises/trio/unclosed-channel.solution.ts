import { now, openMemoryChannel, openNursery, sleep } from 'miniloop';
import type { MemoryReceiveChannel, MemorySendChannel } from 'miniloop';

async function producer(name: string, send: MemorySendChannel<string>) {
  try {
    for (let i = 1; i <= 2; i++) await send.send(`${name}${i}`);
  } finally {
    await send.aclose(); // this clone is done
  }
}

async function consumer(receive: MemoryReceiveChannel<string>) {
  for await (const item of receive) {
    await sleep(10);
    console.log(`${now()} ms: processed ${item}`);
  }
  console.log(`${now()} ms: consumer finished`);
}

const [send, receive] = openMemoryChannel<string>(0);
await openNursery(async (nursery) => {
  nursery.startSoon(producer, 'a', send.clone());
  nursery.startSoon(producer, 'b', send.clone());
  nursery.startSoon(consumer, receive);
  await send.aclose(); // the original is not needed here: close it, so only the clones keep the channel open
});
console.log(`${now()} ms: all done`);

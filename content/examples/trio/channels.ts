import { openNursery, openMemoryChannel, sleep, now } from 'miniloop';
import type { MemorySendChannel, MemoryReceiveChannel } from 'miniloop';

async function producer(name: string, send: MemorySendChannel<string>) {
  try {
    for (let i = 1; i <= 2; i++) {
      await send.send(`${name}${i}`); // waits while the buffer is full
      console.log(`${now()} ms: ${name} handed over ${name}${i}`);
    }
  } finally {
    await send.aclose(); // Python: async with send:
  }
}

async function consumer(receive: MemoryReceiveChannel<string>) {
  for await (const item of receive) {
    await sleep(100); // a slow consumer
    console.log(`${now()} ms: consumer processed ${item}`);
  }
  console.log(`${now()} ms: every send end is closed, the loop ends`);
}

const [send, receive] = openMemoryChannel<string>(0); // 0: a rendezvous
await openNursery(async (nursery) => {
  nursery.startSoon(producer, 'a', send.clone());
  nursery.startSoon(producer, 'b', send.clone());
  nursery.startSoon(consumer, receive);
  await send.aclose(); // only the clones stay open
});

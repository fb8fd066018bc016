import { openNursery, openMemoryChannel, sleep, type MemorySendChannel, type MemoryReceiveChannel } from 'miniloop';

async function producer(name: string, send: MemorySendChannel<number>, n: number) {
  for (let i = 0; i < n; i++) {
    console.log(`${name} sending ${i}`);
    await send.send(i);
    console.log(`${name} sent ${i}`);
  }
  await send.aclose();
}

async function slowConsumer(name: string, receive: MemoryReceiveChannel<number>) {
  for await (const v of receive) {
    console.log(`${name} received ${v}`);
    await sleep(100);
  }
  console.log(`${name} sees the channel closed`);
}

async function main() {
  for (const size of [0, 2]) {
    console.log(`buffer ${size}`);
    const [send, receive] = openMemoryChannel<number>(size);
    await openNursery(async (nursery) => {
      nursery.startSoon(producer, 'p', send, 3);
      await sleep(50);
      nursery.startSoon(slowConsumer, 'c', receive);
    });
    console.log(`buffer ${size} done`);
  }
}

await main();

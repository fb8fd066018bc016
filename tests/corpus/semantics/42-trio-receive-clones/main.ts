import { openNursery, openMemoryChannel, sleep, type MemoryReceiveChannel } from 'miniloop';

async function consumer(name: string, receive: MemoryReceiveChannel<number>, delay: number) {
  try {
    for await (const v of receive) {
      console.log(`${name} got ${v}`);
      await sleep(delay);
    }
  } finally {
    await receive.aclose();
  }
  console.log(`${name} done`);
}

async function main() {
  const [send, receive] = openMemoryChannel<number>(0);
  await openNursery(async (nursery) => {
    try {
      nursery.startSoon(consumer, 'slow', receive.clone(), 350);
      await sleep(50);
      nursery.startSoon(consumer, 'fast', receive.clone(), 100);
      await sleep(50);
    } finally {
      await receive.aclose();
    }
    try {
      for (let i = 0; i < 6; i++) {
        await send.send(i);
        console.log(`sent ${i}`);
      }
    } finally {
      await send.aclose();
    }
  });
  console.log('end');
}

await main();

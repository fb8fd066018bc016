import { now, openMemoryChannel, openNursery, sleep } from 'miniloop';
import type { MemoryReceiveChannel, MemorySendChannel } from 'miniloop';

async function producer(name: string, send: MemorySendChannel<string>) {
  try {
    for (let i = 1; i <= 2; i++) await send.send(`${name}${i}`);
  } finally {
    await send.aclose(); // 这个副本用完了
  }
}

async function consumer(receive: MemoryReceiveChannel<string>) {
  for await (const item of receive) {
    await sleep(10);
    console.log(`${now()} ms：处理完 ${item}`);
  }
  console.log(`${now()} ms：消费者结束`);
}

const [send, receive] = openMemoryChannel<string>(0);
await openNursery(async (nursery) => {
  nursery.startSoon(producer, 'a', send.clone());
  nursery.startSoon(producer, 'b', send.clone());
  nursery.startSoon(consumer, receive);
});
console.log(`${now()} ms：全部完成`);

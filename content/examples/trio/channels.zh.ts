import { openNursery, openMemoryChannel, sleep, now } from 'miniloop';
import type { MemorySendChannel, MemoryReceiveChannel } from 'miniloop';

async function producer(name: string, send: MemorySendChannel<string>) {
  try {
    for (let i = 1; i <= 2; i++) {
      await send.send(`${name}${i}`); // 缓冲区满时在这里等
      console.log(`${now()} ms：${name} 交出了 ${name}${i}`);
    }
  } finally {
    await send.aclose(); // Python: async with send:
  }
}

async function consumer(receive: MemoryReceiveChannel<string>) {
  for await (const item of receive) {
    await sleep(100); // 一个慢吞吞的消费者
    console.log(`${now()} ms：消费者处理完 ${item}`);
  }
  console.log(`${now()} ms：所有发送端都已关闭，循环结束`);
}

const [send, receive] = openMemoryChannel<string>(0); // 0 表示会合（rendezvous）
await openNursery(async (nursery) => {
  nursery.startSoon(producer, 'a', send.clone());
  nursery.startSoon(producer, 'b', send.clone());
  nursery.startSoon(consumer, receive);
  await send.aclose(); // 只留下各个副本开着
});

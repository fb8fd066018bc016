import { openNursery, openMemoryChannel, sleep, type MemorySendChannel, type MemoryReceiveChannel } from 'miniloop';

function stats(label: string, ch: MemoryReceiveChannel<number>) {
  const s = ch.statistics();
  console.log(`${label}: used ${s.currentBufferUsed}, peak ${s.peakBufferUsed}, ` +
    `waiting send ${s.tasksWaitingSend}, receive ${s.tasksWaitingReceive}`);
}

async function producer(send: MemorySendChannel<number>, n: number) {
  try {
    for (let i = 0; i < n; i++) {
      await send.send(i);
    }
    console.log('producer done');
  } finally {
    await send.aclose();
  }
}

async function main() {
  // statistics().peak_buffer_used (trio 0.34): the most items the buffer
  // held at once, to size max_buffer_size from a real run.
  const [send, receive] = openMemoryChannel<number>(3);
  await openNursery(async (nursery) => {
    nursery.startSoon(producer, send, 5);
    await sleep(100);
    stats('full', receive);
    try {
      for await (const v of receive) {
        console.log(`got ${v}`);
        await sleep(100);
        if (v === 1) stats('after two', receive);
      }
    } finally {
      await receive.aclose();
    }
  });
  stats('closed', receive);
}

await main();

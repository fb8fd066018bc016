import {
  openNursery,
  openMemoryChannel,
  sleep,
  WouldBlock,
  EndOfChannel,
  ClosedResourceError,
  BrokenResourceError,
  type MemorySendChannel,
} from 'miniloop';

async function producer(name: string, send: MemorySendChannel<string>, delay: number) {
  try {
    for (let i = 0; i < 2; i++) {
      await sleep(delay);
      await send.send(`${name}${i}`);
    }
  } finally {
    await send.aclose();
  }
}

async function main() {
  const [send, receive] = openMemoryChannel<string>(10);
  await openNursery(async (nursery) => {
    try {
      nursery.startSoon(producer, 'a', send.clone(), 100);
      nursery.startSoon(producer, 'b', send.clone(), 150);
    } finally {
      await send.aclose();
    }
    const got: string[] = [];
    for await (const v of receive) {
      console.log(`got ${v}`);
      got.push(v);
    }
    console.log(`all clones closed after ${got.length} items`);
  });
  const [s2, r2] = openMemoryChannel<string>(1);
  s2.sendNowait('x');
  try {
    s2.sendNowait('y');
  } catch (e) {
    if (!(e instanceof WouldBlock)) throw e;
    console.log(`send_nowait on full: ${e.constructor.name}`);
  }
  await s2.aclose();
  console.log(`still buffered: ${r2.receiveNowait()}`);
  try {
    await r2.receive();
  } catch (e) {
    if (!(e instanceof EndOfChannel)) throw e;
    console.log(`receive after close: ${e.constructor.name}`);
  }
  try {
    await s2.send('z');
  } catch (e) {
    if (!(e instanceof ClosedResourceError)) throw e;
    console.log(`send after close: ${e.constructor.name}`);
  }
  await r2.aclose();
  const [s3, r3] = openMemoryChannel<string>(1);
  await r3.aclose();
  try {
    await s3.send('w');
  } catch (e) {
    if (!(e instanceof BrokenResourceError)) throw e;
    console.log(`send with no receiver: ${e.constructor.name}`);
  }
}

await main();

import { openNursery, openMemoryChannel, moveOnAfter, sleep, WouldBlock } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function main() {
  const [send, receive] = openMemoryChannel<string>(0);
  const scope = await moveOnAfter(100, async () => {
    console.log('sending with nobody receiving');
    await send.send('lost');
    console.log('not reached');
  });
  console.log(`send gave up: ${yn(scope.cancelledCaught)}`);
  try {
    receive.receiveNowait();
  } catch (e) {
    if (!(e instanceof WouldBlock)) throw e;
    console.log('nothing was delivered');
  }
  await openNursery(async (nursery) => {
    async function lateSender() {
      await sleep(200);
      console.log('late sender sends');
      await send.send('kept');
      console.log('late sender done');
    }
    nursery.startSoon(lateSender);
    const v = await receive.receive();
    console.log(`received ${v}`);
  });
  console.log('end');
}

await main();

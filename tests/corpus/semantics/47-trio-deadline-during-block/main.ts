import { blockFor, checkpoint, moveOnAfter, openNursery, sleep } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function sleeper() {
  const scope = await moveOnAfter(1000, async () => {
    await sleep(10_000);
    console.log('c: woke');
  });
  console.log(`c: caught ${yn(scope.cancelledCaught)}`);
}

async function main() {
  // The deadline passes while the loop is blocked: the first checkpoint raises.
  let scope = await moveOnAfter(1000, async () => {
    console.log('a: start');
    blockFor(2000);
    console.log('a: blocked 2s');
    await checkpoint();
    console.log('a: after first checkpoint');
    await checkpoint();
    console.log('a: after second checkpoint');
  });
  console.log(`a: caught ${yn(scope.cancelledCaught)}`);
  // A sleep that starts after the deadline passed is cancelled at once.
  scope = await moveOnAfter(1000, async () => {
    blockFor(2000);
    await sleep(5000);
    console.log('b: after sleep');
  });
  console.log(`b: caught ${yn(scope.cancelledCaught)}`);
  // Another task's deadline passes while this one blocks: it is cancelled at the next batch.
  await openNursery(async (nursery) => {
    nursery.startSoon(sleeper);
    await sleep(500);
    console.log('main: blocking 2s');
    blockFor(2000);
    await checkpoint();
    console.log('main: after checkpoint');
    await checkpoint();
    console.log('main: after second checkpoint');
  });
}

await main();

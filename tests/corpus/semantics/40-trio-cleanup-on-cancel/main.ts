import { openNursery, moveOnAfter, sleep, CancelScope } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function worker(name: string, cleanup: number) {
  try {
    await sleep(10000);
  } finally {
    await new CancelScope({ shield: true }).run(async () => {
      await sleep(cleanup);
    });
    console.log(`${name} cleaned up`);
  }
}

async function main() {
  const scope = await moveOnAfter(300, async () => {
    await openNursery(async (nursery) => {
      nursery.startSoon(worker, 'quick', 100);
      nursery.startSoon(worker, 'slow', 400);
      console.log('body done');
    });
  });
  console.log(`nursery closed after cleanups, caught ${yn(scope.cancelledCaught)}`);
}

await main();

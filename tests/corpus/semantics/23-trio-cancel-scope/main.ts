import { openNursery, sleep, CancelScope, type Nursery } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function worker(name: string) {
  try {
    await sleep(1000);
    console.log(`${name} not cancelled`);
  } finally {
    console.log(`${name} finally`);
  }
}

async function main() {
  const scope = new CancelScope();
  await scope.run(async () => {
    console.log('inside scope');
    scope.cancel();
    console.log(`cancel_called ${yn(scope.cancelCalled)}, still running until a checkpoint`);
    await sleep(100);
    console.log('not reached');
  });
  console.log(`after scope, cancelled_caught ${yn(scope.cancelledCaught)}`);
  let n!: Nursery;
  await openNursery(async (nursery) => {
    n = nursery;
    nursery.startSoon(worker, 'w1');
    nursery.startSoon(worker, 'w2');
    await sleep(300);
    console.log('cancelling the nursery');
    nursery.cancelScope.cancel();
  });
  console.log(`nursery cancelled_caught ${yn(n.cancelScope.cancelledCaught)}`);
}

await main();

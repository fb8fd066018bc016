import { openNursery, checkpoint, CancelScope, Cancelled } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function busy(name: string) {
  try {
    console.log(`${name} working without checkpoints`);
    let total = 0;
    for (let i = 0; i < 100000; i++) {
      total += i;
    }
    console.log(`${name} still running after cancel`);
    await checkpoint();
    console.log('not reached');
  } catch (e) {
    if (e instanceof Cancelled) {
      console.log(`${name} cancelled at the checkpoint`);
    }
    throw e;
  }
}

async function main() {
  await openNursery(async (nursery) => {
    nursery.startSoon(busy, 'b');
    nursery.cancelScope.cancel();
    console.log('cancel requested before b ran');
  });
  console.log('nursery done');
  const scope = new CancelScope();
  await scope.run(async () => {
    scope.cancel();
    console.log('cancelled scope, synchronous code continues');
    try {
      await checkpoint();
    } catch (e) {
      if (e instanceof Cancelled) {
        console.log('Cancelled raised at checkpoint');
      }
      throw e;
    }
  });
  console.log(`caught ${yn(scope.cancelledCaught)}`);
}

await main();

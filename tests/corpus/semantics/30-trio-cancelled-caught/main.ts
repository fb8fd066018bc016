import { moveOnAfter, sleep, CancelScope, Cancelled } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function main() {
  const outer = new CancelScope();
  let inner!: CancelScope;
  await outer.run(async () => {
    inner = new CancelScope();
    await inner.run(async () => {
      outer.cancel();
      try {
        await sleep(1000);
      } catch (e) {
        if (e instanceof Cancelled) {
          console.log('Cancelled passes through inner');
        }
        throw e;
      }
    });
    console.log('not reached');
  });
  console.log(`outer caught ${yn(outer.cancelledCaught)}, inner caught ${yn(inner.cancelledCaught)}`);
  let scope = new CancelScope();
  await scope.run(async () => {
    scope.cancel();
    console.log('cancelled but never checkpointed');
  });
  console.log(`no checkpoint: caught ${yn(scope.cancelledCaught)} cancel_called ${yn(scope.cancelCalled)}`);
  scope = await moveOnAfter(200, async () => {
    try {
      await sleep(1000);
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
      console.log('swallowing Cancelled');
    }
  });
  console.log(`swallowed: caught ${yn(scope.cancelledCaught)}`);
  console.log('end');
}

await main();

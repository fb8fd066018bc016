import { openNursery, moveOnAfter, sleep, checkpoint, CancelScope, type Nursery } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function shieldedChild() {
  await new CancelScope({ shield: true }).run(() => sleep(200));
  console.log('shielded child done');
}

async function main() {
  // Since trio 0.23 (#1457) a parent waiting for its nursery's children is
  // not only uncancellable: a cancellation meanwhile injects no Cancelled;
  // and a nursery with no child left closes with a cancel-shielded
  // schedule point. So the code after the nursery runs, up to its next
  // checkpoint.
  let nursery!: Nursery;
  const outer = await moveOnAfter(100, async () => {
    await openNursery(async (n) => {
      nursery = n;
      n.startSoon(shieldedChild);
    });
    console.log('after the nursery');
    await checkpoint();
    console.log('not reached');
  });
  console.log(`outer caught ${yn(outer.cancelledCaught)}, nursery caught ${yn(nursery.cancelScope.cancelledCaught)}`);
  const scope = new CancelScope();
  await scope.run(async () => {
    scope.cancel();
    await openNursery(async () => {});
    console.log('after the empty nursery');
  });
  console.log(`caught ${yn(scope.cancelledCaught)}`);
}

await main();

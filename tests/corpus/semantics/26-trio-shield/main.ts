import { moveOnAfter, sleep, CancelScope } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function main() {
  const outer = await moveOnAfter(200, async () => {
    try {
      await sleep(1000);
    } finally {
      console.log('cleanup starts, scope already cancelled');
      await new CancelScope({ shield: true }).run(async () => {
        await sleep(300);
        console.log('shielded cleanup finished');
      });
      console.log('after shield');
    }
  });
  console.log(`outer caught ${yn(outer.cancelledCaught)}`);
  const scope = new CancelScope();
  let s!: CancelScope;
  await scope.run(async () => {
    scope.cancel();
    s = new CancelScope({ shield: true });
    await s.run(async () => {
      await sleep(100);
      console.log('shield protects against an earlier cancel');
      s.shield = false;
      await sleep(100);
      console.log('not reached');
    });
  });
  console.log(`scope caught ${yn(scope.cancelledCaught)}, inner caught ${yn(s.cancelledCaught)}`);
}

await main();

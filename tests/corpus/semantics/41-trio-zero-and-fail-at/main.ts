import { moveOnAfter, failAt, now, sleep, TooSlowError } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function main() {
  const scope = await moveOnAfter(0, async () => {
    console.log('move_on_after(0): body starts');
    const x = 1 + 1;
    console.log(`still running, computed ${x}`);
    await sleep(0);
    console.log('not reached');
  });
  console.log(`zero caught ${yn(scope.cancelledCaught)}`);
  try {
    await failAt(now() + 250, async () => {
      for (let i = 0; i < 5; i++) {
        await sleep(100);
        console.log(`step ${i}`);
      }
    });
  } catch (e) {
    if (!(e instanceof TooSlowError)) throw e;
    console.log('fail_at expired');
  }
  await moveOnAfter(200, async () => {
    await sleep(1000);
  });
  console.log('long sleep cancelled');
}

await main();

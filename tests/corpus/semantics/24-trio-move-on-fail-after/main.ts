import { moveOnAfter, failAfter, sleep, TooSlowError } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function main() {
  let scope = await moveOnAfter(500, async () => {
    await sleep(200);
    console.log('finished in time');
  });
  console.log(`first scope cancelled_caught ${yn(scope.cancelledCaught)}`);
  scope = await moveOnAfter(300, async () => {
    await sleep(1000);
    console.log('not reached');
  });
  console.log(`second scope cancelled_caught ${yn(scope.cancelledCaught)}`);
  try {
    await failAfter(200, async () => {
      await sleep(100);
      console.log('fail_after body step 1');
      await sleep(500);
      console.log('not reached');
    });
  } catch (e) {
    if (!(e instanceof TooSlowError)) throw e;
    console.log(`caught ${e.constructor.name}`);
  }
  await failAfter(1000, async () => {
    console.log('fail_after with time to spare');
  });
  console.log('end');
}

await main();

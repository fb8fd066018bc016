import { moveOnAt, moveOnAfter, now, sleep, checkpoint } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

function ms(t: number): string {
  return String(Math.round(t));
}

async function main() {
  const start = now();
  let scope = await moveOnAt(start + 400, async (scope) => {
    console.log(`deadline ${ms(scope.deadline - start)}`);
    await sleep(100);
    scope.deadline += 200;
    console.log(`pushed deadline to ${ms(scope.deadline - start)}`);
    await sleep(1000);
  });
  console.log(`moved on, cancelled_caught ${yn(scope.cancelledCaught)}`);
  const outer = await moveOnAfter(1000, async () => {
    const inner = await moveOnAfter(200, async () => {
      await sleep(500);
    });
    console.log(`inner caught ${yn(inner.cancelledCaught)}`);
    await sleep(100);
    console.log('outer still running');
  });
  console.log(`outer caught ${yn(outer.cancelledCaught)}`);
  const past = await moveOnAt(now() - 1000, async () => {
    console.log('deadline already passed, body still starts');
    await checkpoint();
    console.log('not reached');
  });
  console.log(`past caught ${yn(past.cancelledCaught)}`);
}

await main();

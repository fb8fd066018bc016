import { openNursery, sleep, Cancelled, ValueError } from 'miniloop';

async function sleeper(name: string, delay: number) {
  try {
    await sleep(delay);
    console.log(`${name} woke`);
  } catch (e) {
    if (e instanceof Cancelled) {
      console.log(`${name} cancelled`);
    }
    throw e;
  }
}

async function crasher(delay: number, msg: string) {
  if (delay) {
    await sleep(delay);
  }
  console.log(`crasher raising ${msg}`);
  throw new ValueError(msg);
}

async function main() {
  try {
    await openNursery(async (nursery) => {
      nursery.startSoon(sleeper, 'fast', 100);
      nursery.startSoon(sleeper, 'slow', 1000);
      nursery.startSoon(crasher, 200, 'boom');
      await sleep(500);
      console.log('body not reached');
    });
  } catch (e: any) {
    console.log(`caught ${e.constructor.name}`);
    for (const sub of (e.exceptions ?? []) as Error[]) {
      console.log(`  ${sub.constructor.name}: ${sub.message}`);
    }
  }
  await sleep(100);
  try {
    await openNursery(async (nursery) => {
      nursery.startSoon(crasher, 0, 'one');
      nursery.startSoon(crasher, 0, 'two');
      nursery.startSoon(sleeper, 'bystander', 1000);
    });
  } catch (e: any) {
    console.log(`caught ${e.constructor.name} with ${e.exceptions.length}`);
    for (const msg of (e.exceptions as Error[]).map((sub) => sub.message).sort()) {
      console.log(`  ${msg}`);
    }
  }
  console.log('end');
}

await main();

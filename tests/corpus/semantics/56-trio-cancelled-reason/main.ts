import { openNursery, moveOnAfter, sleep, CancelScope, Cancelled, ExceptionGroup, ValueError } from 'miniloop';

function why(e: Cancelled): string {
  // trio 0.31+: str(Cancelled) says its source, reason and source task.
  return e.message;
}

async function sleeper() {
  try {
    await sleep(1000);
  } catch (e) {
    if (e instanceof Cancelled) console.log(`sleeper: ${why(e)}`);
    throw e;
  }
}

async function crasher() {
  await sleep(100);
  throw new ValueError("it's broken");
}

async function main() {
  try {
    await openNursery(async (nursery) => {
      nursery.startSoon(sleeper);
      nursery.startSoon(crasher);
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log(`group of ${eg.exceptions.length}: ${(eg.exceptions[0] as Error).constructor.name}`);
  }
  await moveOnAfter(100, async () => {
    try {
      await sleep(1000);
    } catch (e) {
      if (e instanceof Cancelled) console.log(`deadline: ${why(e)}`);
      throw e;
    }
  });
  const scope = new CancelScope();
  await scope.run(async () => {
    scope.cancel('enough');
    try {
      await sleep(1000);
    } catch (e) {
      if (e instanceof Cancelled) console.log(`explicit: ${why(e)}`);
      throw e;
    }
  });
}

await main();

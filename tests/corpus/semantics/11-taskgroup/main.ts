import { withTaskGroup, sleep, CancelledError, ExceptionGroup, ValueError, type Task } from 'miniloop';

async function work(name: string, delay: number, fail = false): Promise<string> {
  try {
    await sleep(delay);
    if (fail) {
      console.log(`${name} raising`);
      throw new ValueError(`${name} broke`);
    }
    console.log(`${name} ok`);
    return name;
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`${name} cancelled`);
    }
    throw e;
  } finally {
    console.log(`${name} finally`);
  }
}

async function main() {
  let t1!: Task<string>;
  let t2!: Task<string>;
  await withTaskGroup(async (tg) => {
    t1 = tg.createTask(() => work('a', 100));
    t2 = tg.createTask(() => work('b', 200));
    console.log('group body done');
  });
  console.log(`results ${t1.result()} ${t2.result()}`);
  try {
    await withTaskGroup(async (tg) => {
      tg.createTask(() => work('c', 100, true));
      tg.createTask(() => work('d', 100, true));
      tg.createTask(() => work('e', 500));
      await sleep(300);
      console.log('body not reached');
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log(`caught ${eg.constructor.name} with ${eg.exceptions.length}`);
    for (const e of eg.exceptions as Error[]) {
      console.log(`  ${e.constructor.name}: ${e.message}`);
    }
  }
  console.log('end');
}

await main();

import { withTaskGroup, sleep, CancelledError, ExceptionGroup, ValueError } from 'miniloop';

class KeyError extends Error {}

async function work(name: string, delay: number) {
  try {
    await sleep(delay);
    console.log(`${name} ok`);
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`${name} cancelled`);
    }
    throw e;
  }
}

async function main() {
  try {
    await withTaskGroup(async (tg) => {
      tg.createTask(() => work('a', 100));
      tg.createTask(() => work('b', 500));
      await sleep(200);
      console.log('body raises');
      throw new KeyError('body');
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log(`caught ${eg.constructor.name}: ` + (eg.exceptions as Error[]).map((e) => e.constructor.name).join(','));
  }
  try {
    await withTaskGroup(async (outer) => {
      outer.createTask(() => work('c', 1000));
      await withTaskGroup(async (inner) => {
        inner.createTask(() => work('d', 100));
        inner.createTask(() => sleep(200, 'x'));
        inner.createTask(() => failAfter(150, 'inner failure'));
      });
      console.log('not reached');
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log(`outer ${eg.constructor.name} with ${eg.exceptions.length}`);
    for (const e of eg.exceptions as ExceptionGroup[]) {
      console.log(`  ${e.constructor.name}: ` + (e.exceptions as Error[]).map((x) => `${x.constructor.name}:${x.message}`).join(','));
    }
  }
  console.log('end');
}

async function failAfter(delay: number, msg: string) {
  await sleep(delay);
  throw new ValueError(msg);
}

await main();

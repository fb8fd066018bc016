import { openNursery, sleep, Cancelled, ValueError, ExceptionGroup } from 'miniloop';

async function fail(delay: number, msg: string) {
  await sleep(delay);
  console.log(`raising ${msg}`);
  throw new ValueError(msg);
}

async function sleeper(name: string) {
  try {
    await sleep(1000);
  } catch (e) {
    if (e instanceof Cancelled) {
      console.log(`${name} cancelled`);
    }
    throw e;
  }
}

async function innerBlock() {
  await openNursery(async (inner) => {
    inner.startSoon(fail, 100, 'deep');
    inner.startSoon(sleeper, 'inner sibling');
  });
}

function describe(e: Error): string {
  if (e instanceof ExceptionGroup) {
    return e.constructor.name + '[' + (e.exceptions as Error[]).map(describe).join(',') + ']';
  }
  return `${e.constructor.name}:${e.message}`;
}

async function main() {
  try {
    await openNursery(async (outer) => {
      outer.startSoon(sleeper, 'outer sibling');
      outer.startSoon(innerBlock);
    });
  } catch (e) {
    console.log('caught ' + describe(e as Error));
  }
  console.log('end');
}

await main();

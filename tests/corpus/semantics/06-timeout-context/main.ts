import { timeout, sleep, TimeoutError } from 'miniloop';

async function body(name: string, delay: number): Promise<string> {
  try {
    console.log(`${name} body start`);
    await sleep(delay);
    console.log(`${name} body end`);
    return name;
  } finally {
    console.log(`${name} body finally`);
  }
}

async function main() {
  const r = await timeout(500, async () => {
    return await body('quick', 200);
  });
  console.log(`quick returned ${r}`);
  try {
    await timeout(300, async () => {
      await body('late', 1000);
    });
    console.log('not reached');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log(`late: ${e.constructor.name}`);
  }
  try {
    await timeout(100, async () => {
      await body('nested outer', 50);
      await timeout(1000, async () => {
        await body('nested inner', 500);
      });
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('outer deadline won');
  }
  console.log('end');
}

await main();

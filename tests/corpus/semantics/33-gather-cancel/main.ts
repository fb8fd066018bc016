import { createTask, gather, sleep, CancelledError } from 'miniloop';

async function child(name: string, delay: number): Promise<string> {
  try {
    await sleep(delay);
    console.log(`${name} done`);
    return name;
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`${name} cancelled`);
    }
    throw e;
  }
}

async function main() {
  const g = gather(() => child('a', 500), () => child('b', 500));
  await sleep(100);
  g.cancel();
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('gather cancelled');
  }
  const t1 = createTask(() => child('c', 500));
  const t2 = createTask(() => child('d', 200));
  const g2 = gather(t1, t2, { returnExceptions: true });
  await sleep(100);
  t1.cancel();
  const rs: unknown[] = await g2;
  console.log('results ' + rs.map((r) => (r instanceof Error ? r.constructor.name : r)).join(','));
  const t3 = createTask(() => child('e', 500));
  const g3 = gather(t3, () => child('f', 100));
  await sleep(50);
  t3.cancel();
  try {
    await g3;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('gather raised CancelledError when a child was cancelled');
  }
  await sleep(100);
  console.log('end');
}

await main();

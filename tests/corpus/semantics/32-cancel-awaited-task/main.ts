import { createTask, sleep, CancelledError, type Task } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function inner(): Promise<string> {
  try {
    await sleep(1000);
    return 'inner done';
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log('inner cancelled');
    }
    throw e;
  }
}

async function outer(t: Task<string>): Promise<string> {
  try {
    return await t;
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log('outer cancelled');
    }
    throw e;
  }
}

async function swallower(): Promise<string> {
  try {
    await sleep(1000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('swallower ignores the cancel');
  }
  return 'swallowed';
}

async function main() {
  const t = createTask(() => inner());
  const o = createTask(() => outer(t));
  await sleep(100);
  console.log(`cancel outer: ${yn(o.cancel())}`);
  try {
    await o;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(`outer task cancelled, inner cancelled too? ${yn(t.cancelled())}`);
  }
  const s = createTask(() => swallower());
  await sleep(100);
  s.cancel();
  const r = await s;
  console.log(`swallower returned ${r}, cancelled() ${yn(s.cancelled())}`);
  console.log(`cancel a done task: ${yn(s.cancel())}`);
}

await main();

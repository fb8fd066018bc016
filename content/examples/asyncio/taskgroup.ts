import { withTaskGroup, sleep, now, ValueError, ExceptionGroup, CancelledError } from 'miniloop';

async function fetch(name: string, ms: number, fail = false): Promise<string> {
  try {
    await sleep(ms);
    if (fail) throw new ValueError(`${name} failed`);
    console.log(`${now()} ms: ${name} ok`);
    return name;
  } catch (e) {
    if (e instanceof CancelledError) console.log(`${now()} ms: ${name} cancelled`);
    throw e;
  }
}

try {
  await withTaskGroup(async (tg) => { // async with asyncio.TaskGroup() as tg:
    tg.createTask(() => fetch('users', 100));
    tg.createTask(() => fetch('orders', 200, true));
    tg.createTask(() => fetch('stock', 500));
  }); // the block ends when every task has
  console.log('not reached');
} catch (eg) {
  if (!(eg instanceof ExceptionGroup)) throw eg; // Python: except* ValueError
  for (const e of eg.exceptions as Error[]) {
    console.log(`${now()} ms: the group raised ${e.name}: ${e.message}`);
  }
}

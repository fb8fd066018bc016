import { withTaskGroup, sleep, now, ValueError, ExceptionGroup, CancelledError } from 'miniloop';

async function fetch(name: string, ms: number, fail = false): Promise<string> {
  try {
    await sleep(ms);
    if (fail) throw new ValueError(`${name} 失败`);
    console.log(`${now()} ms：${name} 成功`);
    return name;
  } catch (e) {
    if (e instanceof CancelledError) console.log(`${now()} ms：${name} 被取消`);
    throw e;
  }
}

try {
  await withTaskGroup(async (tg) => { // async with asyncio.TaskGroup() as tg:
    tg.createTask(() => fetch('users', 100));
    tg.createTask(() => fetch('orders', 200, true));
    tg.createTask(() => fetch('stock', 500));
  }); // 所有任务都结束，代码块才结束
  console.log('执行不到这里');
} catch (eg) {
  if (!(eg instanceof ExceptionGroup)) throw eg; // Python: except* ValueError
  for (const e of eg.exceptions as Error[]) {
    console.log(`${now()} ms：任务组抛出了 ${e.name}: ${e.message}`);
  }
}

import { ExceptionGroup, now, sleep, ValueError, withTaskGroup } from 'miniloop';

async function fetch(name: string, ms: number) {
  await sleep(ms);
  console.log(`${now()} ms：${name} 已写入缓存`);
}

async function broken() {
  await sleep(50);
  throw new ValueError('bad response');
}

// TaskGroup 在一个任务失败时取消其余任务，并等它们结束后才抛出异常。
try {
  await withTaskGroup(async (tg) => {
    tg.createTask(() => fetch('a', 100));
    tg.createTask(() => fetch('b', 300));
    tg.createTask(broken);
  });
} catch (e) {
  if (!(e instanceof ExceptionGroup)) throw e;
  console.log(`${now()} ms：请求失败：${(e.exceptions[0] as Error).message}`);
}
console.log(`${now()} ms：main 返回`);

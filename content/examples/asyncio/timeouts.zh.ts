import { timeout, waitFor, sleep, now, TimeoutError } from 'miniloop';

async function query(ms: number): Promise<string> {
  try {
    await sleep(ms);
    return `${ms} ms 后的查询结果`;
  } finally {
    console.log(`${now()} ms：query(${ms}) 做清理`);
  }
}

// Python 3.11+: async with asyncio.timeout(0.5): ...
const rows = await timeout(500, () => query(200));
console.log(`${now()} ms：${rows}`);

try {
  await timeout(300, () => query(1000)); // 截止时间先到
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms：timeout() 抛出了 TimeoutError`);
}

// 针对单个可等待对象的老写法：asyncio.wait_for(coro, 0.1)
try {
  await waitFor(() => query(1000), 100);
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms：waitFor 抛出了 TimeoutError`);
}

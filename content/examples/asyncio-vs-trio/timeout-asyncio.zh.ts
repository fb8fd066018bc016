import { timeout, sleep, now, TimeoutError } from 'miniloop';

// async with asyncio.timeout(0.1)：超时会抛出 TimeoutError。
try {
  await timeout(100, async () => {
    await sleep(300);
  });
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms: ${e.constructor.name}`);
}

// 想“继续往下走”就自己捕获它；想多给点时间就用 reschedule。
const start = now();
await timeout(100, async (cm) => {
  cm.reschedule(now() + 300); // 绝对时间，和 loop.time() 一样
  await sleep(200);
  console.log(`${now() - start} ms 后：完成，expired() = ${cm.expired()}`);
});

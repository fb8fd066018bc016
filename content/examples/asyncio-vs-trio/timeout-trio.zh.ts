import { failAfter, moveOnAfter, sleep, now, TooSlowError } from 'miniloop';

// with trio.fail_after(0.1)：超时会抛出 TooSlowError。
try {
  await failAfter(100, async () => {
    await sleep(300);
  });
} catch (e) {
  if (!(e instanceof TooSlowError)) throw e;
  console.log(`${now()} ms: ${e.constructor.name}`);
}

// move_on_after 不抛异常，直接往下走；截止时间可以挪动。
const start = now();
const scope = await moveOnAfter(100, async (scope) => {
  scope.deadline = now() + 300; // 绝对时间，和 trio.current_time() 一样
  await sleep(200);
  console.log(`${now() - start} ms 后：完成`);
});
console.log(`cancelledCaught = ${scope.cancelledCaught}`);

import { moveOnAfter, CancelScope, sleep, now, currentEffectiveDeadline } from 'miniloop';

await moveOnAfter(100, async () => {
  // 内层作用域不能延长外层的截止时间：最早的那个说了算。
  await moveOnAfter(1000, async () => {
    console.log(`${now()} ms：实际生效的截止时间 = ${currentEffectiveDeadline()} ms`);
    try {
      await sleep(500);
    } finally {
      console.log(`${now()} ms：被取消了，开始清理`);
      // 没有屏蔽的话，这个 sleep 会立刻抛出 Cancelled。
      const shield = new CancelScope({ shield: true });
      await shield.run(async () => {
        await sleep(50); // 比如跟服务器道别
        console.log(`${now()} ms：在屏蔽下完成了清理`);
      });
    }
  });
});
console.log(`${now()} ms：继续往下走`);

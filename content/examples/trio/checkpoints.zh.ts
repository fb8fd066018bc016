import { openNursery, blockFor, checkpoint, now, Cancelled } from 'miniloop';

// 三段 CPU 计算，每段 60 ms：blockFor(60) 代表一个忙循环。
async function crunch(name: string, withCheckpoints: boolean) {
  try {
    for (let chunk = 1; chunk <= 3; chunk++) {
      blockFor(60);
      console.log(`${now()} ms：${name} 算完第 ${chunk} 段`);
      if (withCheckpoints) await checkpoint(); // trio.lowlevel.checkpoint()
    }
    console.log(`${now()} ms：${name} 一直跑到了结束`);
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${now()} ms：${name} 在检查点处被取消`);
    throw e;
  }
}

await openNursery(async (nursery) => {
  nursery.startSoon(crunch, 'A', false);
  nursery.startSoon(crunch, 'B', true);
  nursery.cancelScope.cancel();
  console.log(`${now()} ms：A 和 B 都还没运行，就调用了 cancel()`);
});
console.log(`${now()} ms：nursery 已关闭`);

import { blockFor, createTask, gather, now, sleep } from 'miniloop';

// 单个事件循环上的并发：三个任务同时处于进行中，
// 但任何时刻只有一个在运行。
async function worker(name: string) {
  for (let step = 1; step <= 2; step++) {
    console.log(`${now()} ms：${name} 计算第 ${step} 步`);
    blockFor(30); // 在事件循环的线程上计算 30 ms
    await sleep(100); // 等 I/O，事件循环去运行别的任务
  }
}

await gather(
  createTask(() => worker('A'), { name: 'A' }),
  createTask(() => worker('B'), { name: 'B' }),
  createTask(() => worker('C'), { name: 'C' }),
);
console.log(`${now()} ms：完成`);

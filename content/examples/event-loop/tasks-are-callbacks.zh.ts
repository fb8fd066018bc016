import { blockFor, callSoon, createTask, now, sleep } from 'miniloop';

// 任务的每一步都是就绪队列里的一个回调，
// 这一步排进的微任务紧接着运行，早于下一个回调。
async function worker(name: string) {
  console.log(`${name}：第 1 步`);
  Promise.resolve().then(() => console.log(`${name}：第 1 步排的微任务`));
  await sleep(0); // 回到就绪队列末尾
  console.log(`${name}：第 2 步`);
}

createTask(() => worker('A'), { name: 'A' });
createTask(() => worker('B'), { name: 'B' });
callSoon(() => console.log('一个普通回调，排在 A 和 B 之后'));
await sleep(10);

// 在回调里阻塞，会推迟排在它后面的一切。
createTask(() => console.log(`late：10 ms 就绪，${now()} ms 才运行`), { name: 'late' });
blockFor(30); // main 一直占着线程，直到 40 ms

import { blockFor, gather, now, toThread } from 'miniloop';

// 同样六个 100 ms 的作业，先在事件循环自己的线程上跑，
// 再交给 4 个模拟线程组成的线程池。
function crunch(n: number) {
  return () => n * n;
}

let t0 = now();
const onLoop = [1, 2, 3, 4, 5, 6].map((n) => {
  blockFor(100); // 一个接一个，期间什么别的也运行不了
  return crunch(n)();
});
console.log(`在事件循环上：${onLoop.join(', ')}，用时 ${now() - t0} ms`);

t0 = now();
const jobs = [1, 2, 3, 4, 5, 6].map((n) => toThread(crunch(n), 100));
const inThreads = await gather(...jobs);
console.log(`在 4 个线程上：${inThreads.join(', ')}，用时 ${now() - t0} ms`);

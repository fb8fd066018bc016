import { now, sleep } from 'miniloop';

// 某个作业会在某个时刻完成，但没人通知我们。
let done = false;
setTimeout(() => { done = true; }, 230);

// 轮询：按固定间隔一遍遍地问。
let checks = 0;
while (!done) {
  checks++;
  await sleep(100); // 两次检查之间，事件循环是空闲的
}
console.log(`在 ${now()} ms 第 ${checks} 次检查时发现（它在 230 ms 就完成了）`);

import { createTask, now, sleep, toThread } from 'miniloop';

async function heartbeat() {
  for (let i = 1; i <= 5; i++) {
    await sleep(100);
    console.log(`${now()} ms：心跳 ${i}`);
  }
}

async function render() {
  // 吃 CPU 的调用放到工作线程里跑 300 ms，事件循环继续照顾心跳。
  return toThread(() => 'report.pdf', 300);
}

const beats = createTask(heartbeat, { name: 'heartbeat' });
const file = await render();
console.log(`${now()} ms：报告 ${file} 已生成`);
await beats;

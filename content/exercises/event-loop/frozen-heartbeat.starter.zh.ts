import { blockFor, createTask, now, sleep } from 'miniloop';

async function heartbeat() {
  for (let i = 1; i <= 5; i++) {
    await sleep(100);
    console.log(`${now()} ms：心跳 ${i}`);
  }
}

async function render() {
  blockFor(300); // 生成报告：很吃 CPU 的调用
  return 'report.pdf';
}

const beats = createTask(heartbeat, { name: 'heartbeat' });
const file = await render();
console.log(`${now()} ms：报告 ${file} 已生成`);
await beats;

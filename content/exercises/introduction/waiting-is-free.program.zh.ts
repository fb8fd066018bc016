import { blockFor, gather, sleep } from 'miniloop';

await gather(
  () => sleep(300), // 等待：不占用任何工作时间
  async () => {
    await sleep(100);
    blockFor(250); // 干活：占住事件循环 250 ms
  },
);
console.log('结束');

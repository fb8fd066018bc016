import { blockFor, createTask, now, sleep } from 'miniloop';

async function heartbeat() {
  for (let i = 0; i < 4; i++) {
    console.log(`${now()} ms：心跳`);
    await sleep(100);
  }
}

async function thumbnails() {
  await sleep(120);
  blockFor(260); // 用纯 JavaScript 缩放图片，占着事件循环的线程
  console.log(`${now()} ms：缩略图生成完毕`);
}

async function logger() {
  await sleep(50);
  blockFor(20); // 格式化一条日志
  console.log(`${now()} ms：日志已写入`);
}

createTask(heartbeat, { name: 'heartbeat' });
createTask(thumbnails, { name: 'thumbnails' });
createTask(logger, { name: 'logger' });

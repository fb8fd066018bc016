import { blockFor, createTask, now, sleep } from 'miniloop';

// 三个请求同时到达一个小型 Web 服务；健康检查每 50 ms 来一次，
// 应当立即应答。
async function search() {
  await sleep(200); // 请求搜索服务，等它返回
  console.log(`${now()} ms：GET /search 已应答`);
}

async function avatar() {
  await sleep(20); // 读取上传的文件
  blockFor(150); // 用纯 JavaScript 缩放图片
  console.log(`${now()} ms：GET /avatar 已应答`);
}

async function feed() {
  await sleep(10); // 加载帖子
  blockFor(30); // 对一个很大的 feed 做 JSON.stringify
  console.log(`${now()} ms：GET /feed 已应答`);
}

async function healthChecks() {
  for (let i = 1; i <= 5; i++) {
    const asked = i * 50;
    await sleep(asked - now());
    console.log(`${now()} ms：第 ${i} 次健康检查，晚了 ${now() - asked} ms 才应答`);
  }
}

createTask(search, { name: 'GET /search' });
createTask(avatar, { name: 'GET /avatar' });
createTask(feed, { name: 'GET /feed' });
createTask(healthChecks, { name: 'health' });

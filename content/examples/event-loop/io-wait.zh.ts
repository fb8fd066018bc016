import { createTask, network, now, sleep } from 'miniloop';

// 一个服务器：每条消息都要在“别处”忙 200 ms 才回复。
network.listen('db.local', 5432, async (conn) => {
  const query = await conn.read();
  await sleep(200);
  await conn.write(`${query} 的结果`);
});

// main 等回复的时候，事件循环照样运行别的任务。
createTask(async () => {
  for (let i = 0; i < 5; i++) {
    await sleep(60);
    console.log(`${now()} ms：ticker 报时`);
  }
}, { name: 'ticker' });

const conn = await network.connect('db.local', 5432);
console.log(`${now()} ms：已连接，发送查询`);
await conn.write('SELECT 1');
const reply = await conn.read(); // 等的是这个任务，不是事件循环
console.log(`${Math.round(now())} ms：${reply}`);

// 异步帮不上忙的地方：处理函数里的 CPU 密集型工作或阻塞调用。
// blockFor(100) 代表在事件循环唯一的线程上计算 100 ms（或调用一个阻塞的库），
// 请求只能一个接一个地处理，期间事件循环上的其他一切都停着
// （这里客户端也跑在同一个事件循环上，所以它们也停着）。
// toThread 把工作交给工作线程（线程池有 4 个线程），事件循环保持空闲。
import { blockFor, createTask, http, now, toThread } from 'miniloop';

let arrived = 0;
const handled: number[] = [];
http.createServer(http.routes({
  'GET /blocking': () => {
    blockFor(100); // 比如在事件循环的线程上缩放图片
    handled.push(Math.round(now() - arrived));
    return 'done';
  },
  'GET /in-a-thread': async () => {
    await toThread(() => 'resized', 100); // 同样的工作放到工作线程上
    handled.push(Math.round(now() - arrived));
    return 'done';
  },
})).listen(8080, 'example.com');

async function fiveClients(path: string) {
  const start = now();
  arrived = start + 60; // 建连的往返加上请求送达的时间之后
  handled.length = 0;
  const clients = [];
  for (let i = 0; i < 5; i++) {
    clients.push(createTask(() => http.get('http://example.com:8080' + path), { name: `client ${i}` }));
  }
  await Promise.all(clients);
  console.log(`${path}：请求分别在到达后 ${handled.join('、')} ms 处理完`);
  console.log(`${path}：5 个客户端全部完成用了 ${Math.round(now() - start)} ms`);
}

await fiveClients('/blocking');
await fiveClients('/in-a-thread');

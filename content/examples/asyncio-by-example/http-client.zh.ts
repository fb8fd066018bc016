// 原文的 aiohttp 客户端。ClientSession 会复用连接，所以只有对某个主机的
// 第一个请求要付建立连接的往返。一起发出的请求会重叠，
// 但不超过会话的连接数上限。
import { createTask, http, now, sleep } from 'miniloop';

http.createServer(async (req) => {
  await sleep(50); // 服务器每个页面要 50 ms
  return http.html(`<p>page ${req.path}</p>`);
}).listen(80, 'example.com');

const session = http.createSession({ limit: 5 }); // aiohttp 默认上限是 100
try {
  const first = await session.get('http://example.com/1');
  console.log(first.status, first.text());

  let start = now();
  for (let i = 2; i <= 5; i++) await session.get(`http://example.com/${i}`);
  console.log(`在一个连接上连取 4 个页面：${Math.round(now() - start)} ms`);

  start = now();
  const pages = [];
  for (let i = 1; i <= 20; i++) {
    pages.push(createTask(() => session.get(`http://example.com/${i}`), { name: `page ${i}` }));
  }
  await Promise.all(pages);
  console.log(`同时取 20 个页面，最多 5 个连接：${Math.round(now() - start)} ms`);
} finally {
  session.close(); // aiohttp 里写 await session.close()，或者用 `async with ClientSession()`
}

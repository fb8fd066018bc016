import { http, now, sleep } from 'miniloop';

http.createServer(async (req) => {
  await sleep(50); // 服务器每个页面要 50 ms
  return http.html(`<p>page ${req.path}</p>`);
}).listen(80, 'example.com');

const session = http.createSession({ limit: 5 }); // 对同一主机最多 5 个连接
try {
  const pages: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const response = await session.get(`http://example.com/${i}`);
    pages.push(response.text());
  }
  console.log(`${Math.round(now())} ms：拿到 ${pages.length} 个页面`);
} finally {
  session.close();
}

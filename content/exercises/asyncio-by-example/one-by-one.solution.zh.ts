import { http, now, sleep } from 'miniloop';

http.createServer(async (req) => {
  await sleep(50); // 服务器每个页面要 50 ms
  return http.html(`<p>page ${req.path}</p>`);
}).listen(80, 'example.com');

const session = http.createSession({ limit: 5 }); // 对同一主机最多 5 个连接
try {
  // 十个请求一起发；session 同时最多用 5 个连接去跑。
  const ids = Array.from({ length: 10 }, (_, i) => i + 1);
  const responses = await Promise.all(ids.map((i) => session.get(`http://example.com/${i}`)));
  const pages = responses.map((response) => response.text());
  console.log(`${Math.round(now())} ms：拿到 ${pages.length} 个页面`);
} finally {
  session.close();
}

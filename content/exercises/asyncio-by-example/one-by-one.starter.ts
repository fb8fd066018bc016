import { http, now, sleep } from 'miniloop';

http.createServer(async (req) => {
  await sleep(50); // the server needs 50 ms per page
  return http.html(`<p>page ${req.path}</p>`);
}).listen(80, 'example.com');

const session = http.createSession({ limit: 5 }); // at most 5 connections to the host
try {
  const pages: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const response = await session.get(`http://example.com/${i}`);
    pages.push(response.text());
  }
  console.log(`${Math.round(now())} ms: got ${pages.length} pages`);
} finally {
  session.close();
}

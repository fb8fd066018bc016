// The article's aiohttp client: a ClientSession reuses connections, so only
// the first request to a host pays the connect round trip. Requests sent
// together overlap, up to the session's connection limit.
import { createTask, http, now, sleep } from 'miniloop';

http.createServer(async (req) => {
  await sleep(50); // the server needs 50 ms per page
  return http.html(`<p>page ${req.path}</p>`);
}).listen(80, 'example.com');

const session = http.createSession({ limit: 5 }); // aiohttp's default limit is 100
try {
  const first = await session.get('http://example.com/1');
  console.log(first.status, first.text());

  let start = now();
  for (let i = 2; i <= 5; i++) await session.get(`http://example.com/${i}`);
  console.log(`4 pages one after another on one connection: ${Math.round(now() - start)} ms`);

  start = now();
  const pages = [];
  for (let i = 1; i <= 20; i++) {
    pages.push(createTask(() => session.get(`http://example.com/${i}`), { name: `page ${i}` }));
  }
  await Promise.all(pages);
  console.log(`20 pages at once, at most 5 connections: ${Math.round(now() - start)} ms`);
} finally {
  session.close(); // aiohttp: await session.close(), or `async with ClientSession()`
}

import { http, now, sleep } from 'miniloop';

http.createServer(async (req) => {
  await sleep(50); // the server needs 50 ms per page
  return http.html(`<p>page ${req.path}</p>`);
}).listen(80, 'example.com');

const session = http.createSession({ limit: 5 }); // at most 5 connections to the host
try {
  // All ten requests at once; the session runs at most 5 at a time over its connections.
  const ids = Array.from({ length: 10 }, (_, i) => i + 1);
  const responses = await Promise.all(ids.map((i) => session.get(`http://example.com/${i}`)));
  const pages = responses.map((response) => response.text());
  console.log(`${Math.round(now())} ms: got ${pages.length} pages`);
} finally {
  session.close();
}

import { http, now, sleep, withTaskGroup } from 'miniloop';

http.createServer(async (req) => {
  await sleep(50);
  return http.html(`<p>page ${req.path}</p>`);
}).listen(80, 'example.com');

const session = http.createSession({ limit: 5 });
try {
  // One task per page in a TaskGroup; each stores its page in its own slot.
  const pages: string[] = new Array(10);
  await withTaskGroup(async (tg) => {
    for (let i = 1; i <= 10; i++) {
      tg.createTask(async () => {
        pages[i - 1] = (await session.get(`http://example.com/${i}`)).text();
      });
    }
  });
  console.log(`${Math.round(now())} ms: got ${pages.length} pages`);
} finally {
  session.close();
}

// The article's aiohttp web server (routes "/" and "/hello/{name}"), on the
// simulated network: the clients are 20 ms away, and each request makes the
// handler wait 100 ms (say, for a database). Waiting does not block the loop,
// so the waits of 100 clients overlap. The CPU work does not: each handler
// also computes for 0.2 ms (parsing, routing, rendering), one at a time.
// Every http.get opens a new connection (no session), so each request pays
// the connect round trip.
import { blockFor, createTask, http, now, sleep } from 'miniloop';

// Never put request data into HTML unescaped (the article did): escape it.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const app = http.routes({
  'GET /': () => http.html('<h1>Index</h1>'),
  'GET /hello/:name': async (req) => {
    await sleep(100); // waiting for something slow, without blocking the loop
    blockFor(0.2); // the handler's own CPU work: it holds the loop
    return http.html(`<h1>Hello, ${escape(req.params.name!)}!</h1>`);
  },
});
http.createServer(app).listen(8080, 'example.com');
console.log('Server started at http://example.com:8080');

const index = await http.get('http://example.com:8080/');
console.log(index.status, index.headers['content-type'], index.body);

// Five requests, one after another: each costs 2 round trips + 100 ms + 0.2 ms.
let start = now();
for (let i = 0; i < 5; i++) await http.get(`http://example.com:8080/hello/user${i}`);
console.log(`5 requests one after another: ${Math.round(now() - start)} ms`);

// A hundred clients at once: the waits overlap, the 0.2 ms of CPU each do not.
start = now();
const clients = [];
for (let i = 0; i < 100; i++) {
  clients.push(createTask(() => http.get(`http://example.com:8080/hello/user${i}`), { name: `client ${i}` }));
}
const responses = await Promise.all(clients);
console.log(responses[42]!.body);
console.log(`100 clients at the same time: ${Math.round(now() - start)} ms`);

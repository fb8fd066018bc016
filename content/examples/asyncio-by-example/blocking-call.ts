// Where async does not help: CPU-bound or blocking work inside a handler.
// blockFor(100) stands for 100 ms of computing (or a blocking library call)
// on the loop's only thread: requests are handled one after another, and
// everything else on the loop stalls meanwhile (here the clients too, since
// they run on the same loop). toThread runs the work on a worker thread
// (a pool of 4), so the loop stays free.
import { blockFor, createTask, http, now, toThread } from 'miniloop';

let arrived = 0;
const handled: number[] = [];
http.createServer(http.routes({
  'GET /blocking': () => {
    blockFor(100); // e.g. resizing an image on the loop's thread
    handled.push(Math.round(now() - arrived));
    return 'done';
  },
  'GET /in-a-thread': async () => {
    await toThread(() => 'resized', 100); // the same work on a worker thread
    handled.push(Math.round(now() - arrived));
    return 'done';
  },
})).listen(8080, 'example.com');

async function fiveClients(path: string) {
  const start = now();
  arrived = start + 60; // after the connect round trip and the request's trip
  handled.length = 0;
  const clients = [];
  for (let i = 0; i < 5; i++) {
    clients.push(createTask(() => http.get('http://example.com:8080' + path), { name: `client ${i}` }));
  }
  await Promise.all(clients);
  console.log(`${path}: requests handled ${handled.join(', ')} ms after they arrived`);
  console.log(`${path}: all 5 clients done after ${Math.round(now() - start)} ms`);
}

await fiveClients('/blocking');
await fiveClients('/in-a-thread');

// A WebSocket chat. Ann pastes 100 messages of ~1 KB at once; a slow member
// (2 KB/s) joined between Ann and Bob. send() puts a message in the socket's
// write buffer; it waits only while that buffer is over 64 KiB (as in aiohttp).
import { createTask, now, sleep, timeout, ws, type WebSocket } from 'miniloop';

const COUNT = 100;
const MAX_BACKLOG = 32 * 1024; // bytes, well below the 64 KiB mark

function chatServer(port: number, skipSlow: boolean) {
  const clients = new Set<WebSocket>(); // in joining order: ann, slow, bob
  ws.serve(port, async (socket) => {
    clients.add(socket);
    try {
      for await (const message of socket) {
        for (const client of clients) {
          if (client === socket) continue;
          if (skipSlow && client.bufferedAmount > MAX_BACKLOG) continue; // far behind: drop it for this client
          await client.send(message); // at once, unless this client's buffer is over the mark
        }
      }
    } finally {
      clients.delete(socket);
    }
  }, { host: 'chat.example' });
}

async function member(port: number, name: string, sendAt: number, options = {}) {
  if (name === 'bob') await sleep(300); // bob joins last
  const socket = await ws.connect(`ws://chat.example:${port}/`, options);
  await sleep(sendAt - now()); // everyone has joined by then
  if (name === 'ann') {
    for (let i = 1; i <= COUNT; i++) await socket.send(`ann ${i}: ${'lorem ipsum '.repeat(84)}`);
    await sleep(60_000);
  } else { // count what arrives within a minute
    let [got, last] = [0, 0];
    await timeout(60_000, async () => {
      for await (const _ of socket) {
        last = now() - sendAt;
        if (++got === COUNT) break;
      }
    }).catch(() => {}); // TimeoutError: a minute is up
    console.log(`  ${name} got ${got} of ${COUNT}, the last ${Math.round(last)} ms after ann sent the first`);
  }
  socket.close();
}

async function demo(port: number, skipSlow: boolean) {
  chatServer(port, skipSlow);
  const sendAt = now() + 1000;
  await Promise.all([
    createTask(() => member(port, 'ann', sendAt), { name: 'ann' }),
    createTask(() => member(port, 'slow', sendAt, { bandwidth: 2000 }), { name: 'slow' }),
    createTask(() => member(port, 'bob', sendAt), { name: 'bob' }),
  ]);
}

console.log('awaiting each client in turn (the article):');
await demo(8001, false);
console.log('skipping a client more than 32 KB behind:');
await demo(8002, true);

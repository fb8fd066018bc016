// A WebSocket chat. The article's server awaited each client in turn, so one
// slow client (here: 2 KB/s) held up everyone after it in the list.
// ws.broadcast queues the message on every socket at once instead.
import { createTask, now, sleep, ws } from 'miniloop';
import type { WebSocket } from 'miniloop';

function chatServer(port: number, broadcastAtOnce: boolean) {
  const clients = new Set<WebSocket>(); // in joining order: ann, slow, bob
  ws.serve(port, async (socket) => {
    clients.add(socket);
    try {
      for await (const message of socket) {
        const others = [...clients].filter((c) => c !== socket);
        if (broadcastAtOnce) ws.broadcast(others, message);
        else for (const client of others) await client.send(message); // the article's loop
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
    await socket.send(`ann: ${'lorem ipsum '.repeat(80)}`); // a ~1 KB message
  } else {
    await socket.receive();
    console.log(`  ${name} got ann's message ${Math.round(now() - sendAt)} ms after she sent it`);
  }
  socket.close();
}

async function demo(port: number, broadcastAtOnce: boolean) {
  chatServer(port, broadcastAtOnce);
  const sendAt = now() + 1000;
  await Promise.all([
    createTask(() => member(port, 'ann', sendAt), { name: 'ann' }),
    createTask(() => member(port, 'slow', sendAt, { bandwidth: 2000 }), { name: 'slow' }),
    createTask(() => member(port, 'bob', sendAt), { name: 'bob' }),
  ]);
}

console.log('awaiting each client in turn:');
await demo(8001, false);
console.log('ws.broadcast (a queue per client):');
await demo(8002, true);

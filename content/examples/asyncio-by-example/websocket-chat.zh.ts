// WebSocket 聊天室。Ann 一口气粘贴 100 条约 1 KB 的消息；一个慢成员（2 KB/s）
// 在 Ann 和 Bob 之间加入。send() 把消息放进 socket 的写缓冲区，
// 只有缓冲区超过 64 KiB 时才等待（和 aiohttp 一样）。
import { createTask, now, sleep, timeout, ws, type WebSocket } from 'miniloop';

const COUNT = 100;
const MAX_BACKLOG = 32 * 1024; // 字节数，远低于 64 KiB 的水位线

function chatServer(port: number, skipSlow: boolean) {
  const clients = new Set<WebSocket>(); // 按加入顺序：ann、slow、bob
  ws.serve(port, async (socket) => {
    clients.add(socket);
    try {
      for await (const message of socket) {
        for (const client of clients) {
          if (client === socket) continue;
          if (skipSlow && client.bufferedAmount > MAX_BACKLOG) continue; // 落后太多：这条消息不发给它
          await client.send(message); // 立刻返回，除非这个客户端的缓冲区超过水位线
        }
      }
    } finally {
      clients.delete(socket);
    }
  }, { host: 'chat.example' });
}

async function member(port: number, name: string, sendAt: number, options = {}) {
  if (name === 'bob') await sleep(300); // bob 最后加入
  const socket = await ws.connect(`ws://chat.example:${port}/`, options);
  await sleep(sendAt - now()); // 到这时所有人都已加入
  if (name === 'ann') {
    for (let i = 1; i <= COUNT; i++) await socket.send(`ann ${i}: ${'lorem ipsum '.repeat(84)}`);
    await sleep(60_000);
  } else { // 数一数一分钟内收到多少条
    let [got, last] = [0, 0];
    await timeout(60_000, async () => {
      for await (const _ of socket) {
        last = now() - sendAt;
        if (++got === COUNT) break;
      }
    }).catch(() => {}); // TimeoutError：一分钟到了
    console.log(`  ${name} 收到 ${got} 条（共 ${COUNT} 条），最后一条在 ann 发出第一条后 ${Math.round(last)} ms`);
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

console.log('逐个 await 客户端（原文的写法）：');
await demo(8001, false);
console.log('跳过落后超过 32 KB 的客户端：');
await demo(8002, true);

import { now, sleep } from 'miniloop';

// 一个聊天室。send() 在客户端的 socket 收下消息时才返回（就像写缓冲区满了时的
// `await ws.send(...)`）：ann 和 bob 很快，网络很差的手机客户端要 500 ms。
class Client {
  constructor(readonly name: string, readonly latency: number) {}
  async send(message: string) {
    await sleep(this.latency);
    console.log(`${now()} ms：${this.name} 收到 ${message}`);
  }
}

const clients = [new Client('ann', 5), new Client('slow', 500), new Client('bob', 5)];

async function broadcast(message: string) {
  for (const client of clients) {
    await client.send(message);
  }
}

await broadcast('hello');
await sleep(10);
await broadcast('news');

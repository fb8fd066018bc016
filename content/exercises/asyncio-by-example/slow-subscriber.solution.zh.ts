import { now, sleep } from 'miniloop';

class Client {
  // 这个客户端自己的发送链的末尾：同一客户端的消息保持顺序，
  // 慢客户端只拖慢它自己。
  private pending: Promise<void> = Promise.resolve();
  constructor(readonly name: string, readonly latency: number) {}
  async send(message: string) {
    await sleep(this.latency);
    console.log(`${now()} ms：${this.name} 收到 ${message}`);
  }
  enqueue(message: string) {
    this.pending = this.pending.then(() => this.send(message));
  }
  flushed() {
    return this.pending;
  }
}

const clients = [new Client('ann', 5), new Client('slow', 500), new Client('bob', 5)];

function broadcast(message: string) {
  for (const client of clients) client.enqueue(message); // 不 await：谁也不用等最慢的那个
}

broadcast('hello');
await sleep(10);
broadcast('news');
await Promise.all(clients.map((client) => client.flushed())); // 程序结束前等所有消息发完

import { now, sleep } from 'miniloop';

// A chat room. send() resolves when the client's socket has taken the
// message (like `await ws.send(...)` with a full write buffer): fast for
// ann and bob, 500 ms for a client on a bad mobile link.
class Client {
  constructor(readonly name: string, readonly latency: number) {}
  async send(message: string) {
    await sleep(this.latency);
    console.log(`${now()} ms: ${this.name} got ${message}`);
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

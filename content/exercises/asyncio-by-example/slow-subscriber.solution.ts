import { now, sleep } from 'miniloop';

class Client {
  // The tail of this client's own chain of sends: messages stay in order per client,
  // and a slow client only delays itself.
  private pending: Promise<void> = Promise.resolve();
  constructor(readonly name: string, readonly latency: number) {}
  async send(message: string) {
    await sleep(this.latency);
    console.log(`${now()} ms: ${this.name} got ${message}`);
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
  for (const client of clients) client.enqueue(message); // no await: nobody waits for the slowest
}

broadcast('hello');
await sleep(10);
broadcast('news');
await Promise.all(clients.map((client) => client.flushed())); // before the program ends

import { createTask, now, Queue, sleep } from 'miniloop';

class Client {
  constructor(readonly name: string, readonly latency: number) {}
  async send(message: string) {
    await sleep(this.latency);
    console.log(`${now()} ms: ${this.name} got ${message}`);
  }
}

const clients = [new Client('ann', 5), new Client('slow', 500), new Client('bob', 5)];

// One outbox and one writer task per client (the asyncio way): broadcast only puts.
const outboxes = clients.map((client) => {
  const outbox = new Queue<string>();
  const writer = createTask(async () => {
    for (;;) {
      const message = await outbox.get();
      await client.send(message);
      outbox.taskDone();
    }
  }, { name: `writer ${client.name}` });
  return { outbox, writer };
});

function broadcast(message: string) {
  for (const { outbox } of outboxes) outbox.putNowait(message);
}

broadcast('hello');
await sleep(10);
broadcast('news');
for (const { outbox, writer } of outboxes) {
  await outbox.join(); // everything sent
  writer.cancel();
}

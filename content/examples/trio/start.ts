import { openNursery, sleep, now, type TaskStatus } from 'miniloop';

async function server(taskStatus: TaskStatus<number>) {
  console.log(`${now()} ms: server: binding a port`);
  await sleep(200); // set-up work the caller must wait for
  taskStatus.started(8080); // nursery.start(...) now returns 8080
  for (let i = 1; i <= 2; i++) {
    await sleep(100);
    console.log(`${now()} ms: server: answered request ${i}`);
  }
}

async function client(port: number) {
  console.log(`${now()} ms: client: connecting to port ${port}`);
}

await openNursery(async (nursery) => {
  const port = await nursery.start(server);
  console.log(`${now()} ms: main: server is ready on ${port}`);
  nursery.startSoon(client, port);
});
console.log(`${now()} ms: main: server and client both finished`);

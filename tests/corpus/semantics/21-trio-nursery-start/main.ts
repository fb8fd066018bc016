import { openNursery, sleep, type TaskStatus } from 'miniloop';

async function server(taskStatus: TaskStatus<number>, port: number) {
  console.log(`server setting up on ${port}`);
  await sleep(200);
  taskStatus.started(port + 1);
  console.log('server ready, serving');
  await sleep(300);
  console.log('server done');
}

async function client(port: number) {
  console.log(`client connects to ${port}`);
  await sleep(100);
  console.log('client done');
}

async function main() {
  await openNursery(async (nursery) => {
    console.log('starting server');
    const port = await nursery.start(server, 8000);
    console.log(`server started on ${port}`);
    nursery.startSoon(client, port);
  });
  console.log('end');
}

await main();

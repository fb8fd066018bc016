import { createTask, Queue, sleep, now } from 'miniloop';

async function uploader(name: string, rows: Queue<number>) {
  while (true) {
    const row = await rows.get();
    await sleep(100); // send the row to the server
    console.log(`${now()} ms: ${name} uploaded row ${row}`);
    rows.taskDone();
  }
}

const rows = new Queue<number>();
const uploaders = ['u1', 'u2'].map((name) => createTask(() => uploader(name, rows), { name }));

await sleep(50); // open the file
// Reading a row from the file is instant; uploading it takes 100 ms.
for (let row = 1; row <= 20; row++) {
  await rows.put(row);
}
console.log(`${now()} ms: all rows read`);
await rows.join();
console.log(`${now()} ms: all rows uploaded`);
for (const u of uploaders) u.cancel();

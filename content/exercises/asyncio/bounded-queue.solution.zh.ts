import { createTask, Queue, sleep, now } from 'miniloop';

async function uploader(name: string, rows: Queue<number>) {
  while (true) {
    const row = await rows.get();
    await sleep(100); // 把这一行发给服务器
    console.log(`${now()} ms: ${name} 上传了第 ${row} 行`);
    rows.taskDone();
  }
}

const rows = new Queue<number>(4); // maxsize 为 4：队列里已有 4 行时，put() 会等待
const uploaders = ['u1', 'u2'].map((name) => createTask(() => uploader(name, rows), { name }));

await sleep(50); // 打开文件
// 从文件里读一行不花时间，上传一行要 100 ms。
for (let row = 1; row <= 20; row++) {
  await rows.put(row);
}
console.log(`${now()} ms: 所有行都已读入`);
await rows.join();
console.log(`${now()} ms: 所有行都已上传`);
for (const u of uploaders) u.cancel();

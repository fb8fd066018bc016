import { createTask, now, Queue, sleep } from 'miniloop';

const jobs = new Queue<string>();
const done = { ok: 0 };

async function worker() {
  for (;;) {
    const job = await jobs.get();
    await sleep(10);
    if (job === 'c.csv') throw new Error(`cannot parse ${job}`); // 工作协程死在这里
    done.ok++;
    console.log(`${now()} ms：已导入 ${job}`);
    jobs.taskDone();
  }
}

createTask(worker, { name: 'worker' });
for (const file of ['a.csv', 'b.csv', 'c.csv', 'd.csv']) jobs.putNowait(file);
await jobs.join(); // 等所有任务都被标记为完成
console.log(`${now()} ms：共导入 ${done.ok} 个文件`);

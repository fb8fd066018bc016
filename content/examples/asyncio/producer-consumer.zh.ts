import { createTask, Queue, sleep, now } from 'miniloop';

async function worker(name: string, jobs: Queue<string>) {
  while (true) {
    const job = await jobs.get(); // 队列空时在这里等
    await sleep(100);
    console.log(`${now()} ms：${name} 做完了 ${job}`);
    jobs.taskDone(); // 每次 get 对应一次 taskDone，否则 join() 永远不返回
  }
}

const jobs = new Queue<string>(2); // maxsize 为 2：队列满时 put() 会等
const workers = ['w1', 'w2'].map((name) => createTask(() => worker(name, jobs), { name }));

for (const job of ['a', 'b', 'c', 'd', 'e', 'f']) {
  await jobs.put(job);
  console.log(`${now()} ms：放入了 ${job}`);
}
await jobs.join(); // 等到放进去的每项工作都标记为完成
console.log(`${now()} ms：全部工作完成`);
for (const w of workers) w.cancel(); // worker 是无限循环：要让它们停下

import { createTask, Queue, sleep, now } from 'miniloop';

async function worker(name: string, jobs: Queue<string>) {
  while (true) {
    const job = await jobs.get(); // waits while the queue is empty
    await sleep(100);
    console.log(`${now()} ms: ${name} finished ${job}`);
    jobs.taskDone(); // one taskDone per get, or join() never returns
  }
}

const jobs = new Queue<string>(2); // maxsize 2: put() waits when full
const workers = ['w1', 'w2'].map((name) => createTask(() => worker(name, jobs), { name }));

for (const job of ['a', 'b', 'c', 'd', 'e', 'f']) {
  await jobs.put(job);
  console.log(`${now()} ms: queued ${job}`);
}
await jobs.join(); // until every job put has been marked done
console.log(`${now()} ms: all jobs done`);
for (const w of workers) w.cancel(); // the workers loop forever: stop them

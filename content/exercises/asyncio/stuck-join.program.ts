import { createTask, now, Queue, sleep } from 'miniloop';

const jobs = new Queue<string>();
const done = { ok: 0 };

async function worker() {
  for (;;) {
    const job = await jobs.get();
    await sleep(10);
    if (job === 'c.csv') throw new Error(`cannot parse ${job}`); // the worker dies here
    done.ok++;
    console.log(`${now()} ms: imported ${job}`);
    jobs.taskDone();
  }
}

createTask(worker, { name: 'worker' });
for (const file of ['a.csv', 'b.csv', 'c.csv', 'd.csv']) jobs.putNowait(file);
await jobs.join(); // wait until every job is marked done
console.log(`${now()} ms: imported ${done.ok} files`);

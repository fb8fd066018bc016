import { createTask, sleep, PriorityQueue, LifoQueue } from 'miniloop';

async function main() {
  const pq = new PriorityQueue<[number, string]>();
  for (const item of [[3, 'low'], [1, 'high'], [2, 'mid'], [0, 'top']] as [number, string][]) {
    pq.putNowait(item);
  }
  const out: string[] = [];
  while (!pq.empty()) {
    const [p, name] = await pq.get();
    out.push(`${p}:${name}`);
  }
  console.log('priority ' + out.join(','));
  const lq = new LifoQueue<number>();
  for (let i = 0; i < 4; i++) {
    await lq.put(i);
  }
  console.log('lifo ' + [0, 1, 2, 3].map(() => String(lq.getNowait())).join(','));

  async function getter() {
    const v = await pq.get();
    console.log(`getter got ${v[1]}`);
  }

  const t = createTask(() => getter());
  await sleep(100);
  await pq.put([5, 'late']);
  console.log('put late');
  await t;
}

await main();

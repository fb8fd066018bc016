import { createTask, asCompleted, sleep } from 'miniloop';

async function job(name: string, delay: number): Promise<string> {
  await sleep(delay);
  console.log(`${name} finishing`);
  return name;
}

async function main() {
  const tasks = ([['a', 300], ['b', 100], ['c', 200], ['d', 100]] as const).map(([n, d]) => createTask(() => job(n, d)));
  let i = 0;
  for (const fut of asCompleted(tasks)) {
    const r = await fut;
    console.log(`#${i} ${r}`);
    i++;
  }
  console.log('end');
}

await main();

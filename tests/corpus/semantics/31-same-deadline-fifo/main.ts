import { createTask, gather, sleep } from 'miniloop';

async function sleeper(i: number): Promise<number> {
  const v = await sleep(100, `r${i}`);
  console.log(`${i} woke with ${v}`);
  return i;
}

async function main() {
  const tasks = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => createTask(() => sleeper(i)));
  await sleep(50);
  const more = [8, 9].map((i) => createTask(() => sleeper(i)));
  await sleep(50);
  console.log('main woke at the same instant, after the sleepers');
  const rs = await gather(...tasks, ...more);
  console.log('gathered ' + rs.map((r) => String(r)).join(','));
}

await main();

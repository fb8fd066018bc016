import { createTask, currentTask, sleep, checkpoint } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function worker(name: string, delay: number): Promise<string> {
  console.log(`${name} start in ${currentTask()!.name}`);
  await sleep(delay);
  console.log(`${name} end`);
  return name;
}

async function main() {
  const t1 = createTask(() => worker('a', 200), { name: 'A' });
  const t2 = createTask(() => worker('b', 100), { name: 'B' });
  const t3 = createTask(() => worker('c', 100), { name: 'C' });
  console.log('created 3 tasks');
  console.log(`a done? ${yn(t1.done())}`);
  await checkpoint();
  console.log('main after sleep(0)');
  const r = await t1;
  console.log(`awaited ${r}, b done ${yn(t2.done())}, c result ${t3.result()}`);
  console.log(`names ${t1.name} ${t2.name} ${t3.name}`);
}

await main();

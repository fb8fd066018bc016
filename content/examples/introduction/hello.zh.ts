import { createTask, now, sleep } from 'miniloop';

async function worker(name: string, ms: number) {
  console.log(`${name} 在 ${now()} ms 开始`);
  await sleep(ms);
  console.log(`${name} 在 ${now()} ms 醒来`);
}

const a = createTask(() => worker('a', 300), { name: 'a' });
const b = createTask(() => worker('b', 100), { name: 'b' });
await a;
await b;
console.log(`全部完成于 ${now()} ms`);

import { createTask, sleep, now } from 'miniloop';

async function worker(name: string, ms: number): Promise<string> {
  console.log(`${now()} ms：${name} 开始`);
  await sleep(ms);
  console.log(`${now()} ms：${name} 完成`);
  return name.toUpperCase();
}

const a = createTask(() => worker('a', 200), { name: 'a' }); // asyncio.create_task
const b = createTask(() => worker('b', 100), { name: 'b' });
console.log(`${now()} ms：main 创建了两个任务，都还没开始`);

const ra = await a; // main 在这里等，a 和 b 趁机运行
const rb = await b; // 早已完成，不用等
console.log(`${now()} ms：main 拿到了 ${ra} 和 ${rb}`);

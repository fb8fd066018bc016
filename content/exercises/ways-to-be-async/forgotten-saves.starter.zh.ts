import { now, sleep } from 'miniloop';

const delays: Record<string, number> = { a: 30, b: 10, c: 20 };

async function save(name: string) {
  await sleep(delays[name]); // 写一次数据库
  console.log(`${now()} ms：${name} 已保存`);
}

['a', 'b', 'c'].forEach(async (name) => {
  await save(name);
});
console.log(`${now()} ms：全部已保存`);

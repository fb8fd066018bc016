import { now, sleep } from 'miniloop';

const delays: Record<string, number> = { a: 30, b: 10, c: 20 };

async function save(name: string) {
  await sleep(delays[name]); // 写一次数据库
  console.log(`${now()} ms：${name} 已保存`);
}

// forEach 会丢掉回调返回的 Promise；Promise.all 把它们收集起来，全部等完。
await Promise.all(['a', 'b', 'c'].map((name) => save(name)));
console.log(`${now()} ms：全部已保存`);

import { gather, now, sleep, ValueError } from 'miniloop';

async function fetch(name: string, ms: number) {
  await sleep(ms);
  console.log(`${now()} ms：${name} 已写入缓存`);
}

async function broken() {
  await sleep(50);
  throw new ValueError('bad response');
}

try {
  await gather(fetch('a', 100), fetch('b', 300), broken());
} catch (e) {
  console.log(`${now()} ms：请求失败：${(e as Error).message}`);
}
console.log(`${now()} ms：main 返回`);

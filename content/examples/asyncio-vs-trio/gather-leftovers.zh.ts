import { gather, sleep, now, ValueError } from 'miniloop';

async function fetch(name: string, ms: number) {
  await sleep(ms);
  console.log(`${now()} ms：${name} 完成`);
}

async function broken() {
  await sleep(150);
  throw new ValueError('响应有误');
}

try {
  await gather(fetch('a', 100), fetch('b', 300), broken());
} catch (e) {
  console.log(`${now()} ms：main 捕获到 ${(e as Error).constructor.name}，接着往下走`);
}
console.log(`${now()} ms：main 在做别的事`);
await sleep(250);
console.log(`${now()} ms：main 完成`);

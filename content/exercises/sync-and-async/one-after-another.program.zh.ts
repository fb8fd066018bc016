import { gather, now, sleep } from 'miniloop';

async function download(name: string, ms: number) {
  await sleep(ms); // 等网络：这期间事件循环是空闲的
  console.log(`${now()} ms：${name} 下载完成`);
}

await download('a', 100);
await download('b', 200);
await gather(() => download('c', 300), () => download('d', 100));
console.log('全部完成');

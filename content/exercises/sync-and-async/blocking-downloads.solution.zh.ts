import { gather, now, sleep } from 'miniloop';

async function download(name: string) {
  await sleep(100); // 非阻塞的等待：这期间事件循环去跑别的下载
  console.log(`${now()} ms：${name} 下载完成`);
}

await gather(() => download('a'), () => download('b'), () => download('c'));
console.log(`${now()} ms：全部下载完成`);

import { gather, now, sleep } from 'miniloop';

// 异步的“下载”：await 它的时候，事件循环可以去运行别的任务。
async function download(name: string): Promise<string> {
  console.log(`${now()} ms：开始下载 ${name}`);
  await sleep(100); // 在等，但事件循环是空闲的
  console.log(`${now()} ms：收到 ${name}`);
  return `<${name}>`;
}

const pages = await gather(() => download('a'), () => download('b'), () => download('c'));
console.log(`${now()} ms：全部完成 ${pages.join(' ')}`);

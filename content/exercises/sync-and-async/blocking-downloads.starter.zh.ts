import { blockFor, gather, now } from 'miniloop';

async function download(name: string) {
  blockFor(100); // 用阻塞式客户端下载文件（就像 requests.get 或 time.sleep）
  console.log(`${now()} ms：${name} 下载完成`);
}

await gather(() => download('a'), () => download('b'), () => download('c'));
console.log(`${now()} ms：全部下载完成`);

import { blockFor, now } from 'miniloop';

// 同步的“下载”：调用方要等它返回才能往下走。
function download(name: string): string {
  console.log(`${now()} ms：开始下载 ${name}`);
  blockFor(100); // 等 100 ms，期间什么别的也运行不了
  console.log(`${now()} ms：收到 ${name}`);
  return `<${name}>`;
}

const pages = ['a', 'b', 'c'].map(download);
console.log(`${now()} ms：全部完成 ${pages.join(' ')}`);

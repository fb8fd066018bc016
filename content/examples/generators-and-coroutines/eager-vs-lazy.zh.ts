import { sleep } from 'miniloop';

async function greet(name: string) {
  console.log(`greet(${name}) 开始运行`);
  await sleep(10);
  return `你好，${name}`;
}

// 在 JavaScript 里，调用 async 函数会立即执行它的函数体，
// 直到第一个 await，然后返回一个 Promise。
const p = greet('js');
console.log('greet() 已经调用');
console.log(await p);

import { now, sleep } from 'miniloop';

// 原文的 hello()，用 async/await 改写。
async function hello() {
  console.log('Hello...');
  await sleep(100); // 挂起 hello，这期间事件循环是空闲的
  console.log(`world! (${now()} ms)`);
  return 'Done.';
}

// 在线示例的顶层代码本来就运行在事件循环上，相当于 asyncio.run() 启动的那个协程，
// 所以直接 await hello() 即可。
const result = await hello(); // Python 写作 result = asyncio.run(hello())
console.log(result);

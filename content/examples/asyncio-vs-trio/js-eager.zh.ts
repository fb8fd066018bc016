import { now } from 'miniloop';

// Promise 一创建，它的 executor 就立刻运行。
const p = new Promise<string>((resolve) => {
  console.log(`${now()} ms：executor 运行了，此时还没人 await`);
  setTimeout(() => resolve('value'), 100);
});
console.log(`${now()} ms：Promise 已创建`);

// 取消要靠主动配合：工作本身必须接收 AbortSignal 并监听它。
function download(signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = setTimeout(() => resolve('file'), 1000);
    signal.addEventListener('abort', () => {
      clearTimeout(id);
      reject(signal.reason);
    });
  });
}

const controller = new AbortController();
setTimeout(() => controller.abort(new Error('太慢了')), 200);
const value = await p;
console.log(`${now()} ms：await 得到 ${value}`);
try {
  await download(controller.signal);
} catch (e) {
  console.log(`${now()} ms：下载被拒绝：${(e as Error).message}`);
}

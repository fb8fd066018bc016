// 运行之前，先猜猜输出顺序。
console.log('脚本开始');

setTimeout(() => console.log('setTimeout 0'), 0);

Promise.resolve().then(() => console.log('promise.then'));

queueMicrotask(() => console.log('queueMicrotask'));

(async () => {
  console.log('async 函数体');
  await null;
  console.log('await 之后');
})();

console.log('脚本结束');

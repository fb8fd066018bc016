// 两个定时器同时到期。第一个排进队的微任务，
// 会在第二个定时器之前运行吗？
setTimeout(() => {
  console.log('定时器 1');
  Promise.resolve().then(() => console.log('  定时器 1 排的微任务'));
  queueMicrotask(() => console.log('  定时器 1 排的另一个微任务'));
}, 0);

setTimeout(() => {
  console.log('定时器 2');
  setTimeout(() => console.log('定时器 3，由定时器 2 设置'), 0);
  Promise.resolve().then(() => console.log('  定时器 2 排的微任务'));
}, 0);

import { callSoon } from 'miniloop';

// callSoon 把回调放到就绪队列的末尾。
callSoon(() => {
  console.log('A 运行（第 1 轮）');
  callSoon(() => console.log('C 运行（第 2 轮）：A 在第 1 轮里安排了它'));
});
callSoon(() => console.log('B 运行（第 1 轮）'));
console.log('main 安排了 A 和 B');

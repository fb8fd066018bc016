import { callLater, callSoon } from 'miniloop';

callLater(10, () => {
  console.log('第一个 10 ms 定时器');
  callSoon(() => console.log('soon，由第一个定时器安排'));
});
const handle = callLater(10, () => console.log('被取消的定时器'));
callLater(10, () => console.log('第二个 10 ms 定时器'));
callLater(0, () => console.log('0 ms 定时器'));
callSoon(() => console.log('soon'));
handle.cancel();
console.log('main 结束');

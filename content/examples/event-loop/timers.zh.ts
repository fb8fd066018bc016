import { callLater, callSoon, now } from 'miniloop';

callLater(300, () => console.log(`${now()} ms：300 ms 的定时器`));
callLater(100, () => console.log(`${now()} ms：第一个 100 ms 的定时器`));
callLater(100, () => console.log(`${now()} ms：第二个 100 ms 的定时器`));
const never = callLater(200, () => console.log('已取消：永远不会打印'));
never.cancel();
callSoon(() => console.log(`${now()} ms：callSoon 先于所有定时器运行`));
console.log(`${now()} ms：定时器都已设好`);

import { blockFor, callLater, callSoon, now, sleep } from 'miniloop';

// JavaScript 的规则：微任务队列要一口气清空，微任务新排的微任务也算在内。
// 一条不停给自己排队的微任务链，会把一个早已到期的定时器一直挡在后面。
setTimeout(() => console.log(`${now()} ms：定时器，1 ms 时就到期了`), 0);
let micro = 0;
const again = () => {
  micro++;
  console.log(`${now()} ms：微任务 ${micro}`);
  blockFor(2); // 干 2 ms 的活
  if (micro < 5) queueMicrotask(again);
};
queueMicrotask(again);
await sleep(20);

// asyncio 的规则：每一轮只运行这一轮开始时已就绪的回调。
// 不停重新安排自己的回调每轮只占一个位置，
// 所以定时器在第一个回调之后就能插进来。
const due = now();
callLater(0, () => console.log(`${now()} ms：定时器，${due} ms 时到期`));
let soon = 0;
const spin = () => {
  soon++;
  console.log(`${now()} ms：回调 ${soon}`);
  blockFor(2); // 干 2 ms 的活
  if (soon < 5) callSoon(spin);
};
callSoon(spin);
await sleep(20);

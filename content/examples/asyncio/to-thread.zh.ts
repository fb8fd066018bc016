import { createTask, blockFor, toThread, sleep, now } from 'miniloop';

async function ticker(label: string) {
  for (let i = 0; i < 3; i++) {
    console.log(`${now()} ms：滴答 ${label}`);
    await sleep(100);
  }
}

// 在事件循环的线程上做阻塞调用（time.sleep、requests.get、一个大循环）：
let ticks = createTask(() => ticker('A'), { name: 'ticker' });
blockFor(250); // 250 ms 内别的都跑不了，连 ticker 都启动不了
console.log(`${now()} ms：阻塞调用返回`);
await ticks;

// 同样的调用放进工作线程：事件循环在这期间照常滴答。
ticks = createTask(() => ticker('B'), { name: 'ticker' });
const report = await toThread(() => 'report.pdf', 250); // asyncio.to_thread(render)
console.log(`${now()} ms：线程返回了 ${report}`);
await ticks;

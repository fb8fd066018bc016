import { blockFor, createTask, now, sleep } from 'miniloop';

// 这个任务本该每 100 ms 打印一次。
async function ticker() {
  for (let i = 1; i <= 5; i++) {
    await sleep(100);
    console.log(`第 ${i} 次滴答，${now()} ms`);
  }
}

async function careless() {
  await sleep(150);
  console.log(`careless 在 ${now()} ms 开始阻塞`);
  blockFor(250); // 相当于在协程里调用 time.sleep(0.25)
  console.log(`careless 在 ${now()} ms 回来`);
}

const t = createTask(ticker, { name: 'ticker' });
createTask(careless, { name: 'careless' });
await t;

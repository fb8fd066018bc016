import { gather, sleep } from 'miniloop';

async function polite() {
  for (let i = 1; i <= 3; i++) {
    console.log(`polite ${i}`);
    await sleep(0); // 让别的任务跑一轮
  }
}

async function greedy() {
  for (let i = 1; i <= 3; i++) {
    console.log(`greedy ${i}`); // 循环里没有 await
  }
  await sleep(0);
  console.log('greedy done');
}

await gather(polite, greedy);

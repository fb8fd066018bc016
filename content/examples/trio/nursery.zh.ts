import { openNursery, sleep, now } from 'miniloop';

async function child(name: string, ms: number) {
  console.log(`${now()} ms：${name} 开始`);
  await sleep(ms);
  console.log(`${now()} ms：${name} 完成`);
}

console.log('打开 nursery');
await openNursery(async (nursery) => {
  nursery.startSoon(child, 'a', 300);
  nursery.startSoon(child, 'b', 100);
  console.log(`${now()} ms：代码体到这里结束，a 和 b 都还没开始`);
});
console.log(`${now()} ms：nursery 已关闭，所以 a 和 b 都已结束`);

import { blockFor, moveOnAfter, sleep } from 'miniloop';

await moveOnAfter(100, async () => {
  await sleep(60); // 取数据
  blockFor(120); // 处理数据，中间没有任何检查点
  console.log('处理完了');
  await sleep(10); // 保存结果
  console.log('已保存');
});
console.log('继续往下走');

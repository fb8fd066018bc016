import { CancelScope, moveOnAfter, sleep } from 'miniloop';

await moveOnAfter(100, async () => {
  try {
    await sleep(1000); // 下载一个文件
  } finally {
    const shield = new CancelScope({ shield: true });
    await shield.run(async () => {
      await sleep(30); // 删掉下了一半的文件
    });
    await sleep(30); // 客客气气地关闭连接
  }
});
console.log('继续往下走');

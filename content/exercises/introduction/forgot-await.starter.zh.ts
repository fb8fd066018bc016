import { sleep } from 'miniloop';

async function save(name: string) {
  await sleep(100); // 写盘需要一点时间
  console.log(`已保存 ${name}`);
}

console.log('正在保存报告');
save('report');
console.log('全部保存完毕，可以退出了');

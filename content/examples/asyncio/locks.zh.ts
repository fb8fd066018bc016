import { gather, Lock, Semaphore, sleep, now } from 'miniloop';

// 中间夹着 await 的读-改-写：更新会丢失。
let balance = 0;
async function deposit() {
  const seen = balance;
  await sleep(10); // 比如一次数据库往返
  balance = seen + 10;
}
await gather(deposit, deposit, deposit);
console.log(`不加锁：余额 = ${balance}`);

balance = 0;
const lock = new Lock();
await gather(...[1, 2, 3].map(() => () => lock.withLock(deposit))); // async with lock:
console.log(`加锁：余额 = ${balance}`);

// 信号量最多同时放 N 个任务进去：6 个下载，每次 2 个。
const slots = new Semaphore(2);
async function download(id: number) {
  await slots.withLock(async () => { // async with slots:
    console.log(`${now()} ms：下载 ${id} 开始`);
    await sleep(100);
  });
}
await gather(...[1, 2, 3, 4, 5, 6].map((id) => () => download(id)));
console.log(`${now()} ms：全部下载完成`);

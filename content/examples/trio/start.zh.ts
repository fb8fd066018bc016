import { openNursery, sleep, now, type TaskStatus } from 'miniloop';

async function server(taskStatus: TaskStatus<number>) {
  console.log(`${now()} ms：服务器：绑定端口`);
  await sleep(200); // 调用方必须等它做完的准备工作
  taskStatus.started(8080); // 这时 nursery.start(...) 返回 8080
  for (let i = 1; i <= 2; i++) {
    await sleep(100);
    console.log(`${now()} ms：服务器：回应了第 ${i} 个请求`);
  }
}

async function client(port: number) {
  console.log(`${now()} ms：客户端：连接端口 ${port}`);
}

await openNursery(async (nursery) => {
  const port = await nursery.start(server);
  console.log(`${now()} ms：main：服务器已在 ${port} 就绪`);
  nursery.startSoon(client, port);
});
console.log(`${now()} ms：main：服务器和客户端都已结束`);

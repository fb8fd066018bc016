import { createTask, currentTask, sleep, now, CancelledError } from 'miniloop';

async function stubborn() {
  try {
    await sleep(1000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log(`${now()} ms：吞掉了 CancelledError，cancelling() = ${currentTask()!.cancelling()}`);
  }
  await sleep(100); // 取消请求只传达了一次：再没有什么能拦住它
  console.log(`${now()} ms：还在运行`);
  return '照样完成了';
}

const task = createTask(stubborn, { name: 'stubborn' });
await sleep(100);
task.cancel();
const result = await task;
console.log(`${now()} ms：任务返回了“${result}”，cancelled() = ${task.cancelled()}`);

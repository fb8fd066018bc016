import { createTask, sleep, shield, now, CancelledError } from 'miniloop';

async function download(): Promise<string> {
  try {
    console.log(`${now()} ms：download 开始`);
    await sleep(1000);
    return 'file';
  } finally {
    console.log(`${now()} ms：download 关闭它的连接`); // 被取消时也会执行
  }
}

const task = createTask(download, { name: 'download' });
await sleep(100);
task.cancel(); // 只是请求：CancelledError 会在任务的 await 处抛进去
try {
  await task;
} catch (e) {
  if (!(e instanceof CancelledError)) throw e;
  console.log(`${now()} ms：await 它抛出了 CancelledError，cancelled() = ${task.cancelled()}`);
}

// shield：取消等待者，不会取消它所等待的工作。
async function save(): Promise<void> {
  await sleep(300);
  console.log(`${now()} ms：save 完成`);
}
const saving = createTask(save, { name: 'save' });
const waiter = createTask(async () => {
  await shield(saving);
}, { name: 'waiter' });
await sleep(100);
waiter.cancel();
await sleep(0);
console.log(`${now()} ms：waiter 已取消 = ${waiter.cancelled()}，save 已完成 = ${saving.done()}`);
await saving;

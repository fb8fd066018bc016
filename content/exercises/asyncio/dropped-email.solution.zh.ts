import { createTask, gather, now, sleep, type Task } from 'miniloop';

async function sendWelcomeEmail(user: string) {
  await sleep(200); // 和邮件服务器通信
  console.log(`${now()} ms：欢迎邮件已发给 ${user}`);
}

// 把每个后台任务的引用存起来，main 返回之前统一等它们结束。
const background = new Set<Task<void>>();

async function signUp(user: string) {
  await sleep(50); // 写入用户记录
  console.log(`${now()} ms：${user} 注册成功`);
  const task = createTask(() => sendWelcomeEmail(user));
  background.add(task);
  task.addDoneCallback(() => background.delete(task));
}

await signUp('ann');
await signUp('bob');
await gather(...background);
console.log(`${now()} ms：main 返回`);

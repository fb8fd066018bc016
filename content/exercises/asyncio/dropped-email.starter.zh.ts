import { createTask, now, sleep } from 'miniloop';

async function sendWelcomeEmail(user: string) {
  await sleep(200); // 和邮件服务器通信
  console.log(`${now()} ms：欢迎邮件已发给 ${user}`);
}

async function signUp(user: string) {
  await sleep(50); // 写入用户记录
  console.log(`${now()} ms：${user} 注册成功`);
  createTask(() => sendWelcomeEmail(user)); // 放到后台，注册就不用等邮件了
}

await signUp('ann');
await signUp('bob');
console.log(`${now()} ms：main 返回`);

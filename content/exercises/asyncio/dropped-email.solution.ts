import { createTask, gather, now, sleep, type Task } from 'miniloop';

async function sendWelcomeEmail(user: string) {
  await sleep(200); // talk to the mail server
  console.log(`${now()} ms: welcome email sent to ${user}`);
}

// Keep a reference to every background task, so they can be awaited before main returns.
const background = new Set<Task<void>>();

async function signUp(user: string) {
  await sleep(50); // insert the user
  console.log(`${now()} ms: ${user} signed up`);
  const task = createTask(() => sendWelcomeEmail(user));
  background.add(task);
  task.addDoneCallback(() => background.delete(task));
}

await signUp('ann');
await signUp('bob');
await gather(...background);
console.log(`${now()} ms: main returns`);

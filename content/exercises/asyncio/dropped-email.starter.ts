import { createTask, now, sleep } from 'miniloop';

async function sendWelcomeEmail(user: string) {
  await sleep(200); // talk to the mail server
  console.log(`${now()} ms: welcome email sent to ${user}`);
}

async function signUp(user: string) {
  await sleep(50); // insert the user
  console.log(`${now()} ms: ${user} signed up`);
  createTask(() => sendWelcomeEmail(user)); // in the background, so sign-up stays fast
}

await signUp('ann');
await signUp('bob');
console.log(`${now()} ms: main returns`);

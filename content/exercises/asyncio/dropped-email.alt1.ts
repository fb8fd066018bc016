import { now, sleep, withTaskGroup, type TaskGroup } from 'miniloop';

async function sendWelcomeEmail(user: string) {
  await sleep(200);
  console.log(`${now()} ms: welcome email sent to ${user}`);
}

// The background work belongs to a TaskGroup: the block does not end until every email is sent.
async function signUp(tg: TaskGroup, user: string) {
  await sleep(50);
  console.log(`${now()} ms: ${user} signed up`);
  tg.createTask(() => sendWelcomeEmail(user));
}

await withTaskGroup(async (tg) => {
  await signUp(tg, 'ann');
  await signUp(tg, 'bob');
});
console.log(`${now()} ms: main returns`);

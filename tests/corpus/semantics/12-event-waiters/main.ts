import { createTask, gather, sleep, checkpoint, Event } from 'miniloop';

async function waiter(name: string, event: Event) {
  console.log(`${name} waiting`);
  await event.wait();
  console.log(`${name} woke`);
}

async function main() {
  const event = new Event();
  const tasks = ['w1', 'w2', 'w3'].map((n) => createTask(() => waiter(n, event)));
  await sleep(100);
  console.log('setting event');
  event.set();
  console.log(`is_set ${event.isSet() ? 'yes' : 'no'}`);
  await checkpoint();
  console.log('main after one yield');
  await gather(...tasks);
  event.clear();
  const late = createTask(() => waiter('late', event));
  await sleep(200);
  event.set();
  await late;
  await event.wait();
  console.log('already set: no wait');
}

await main();

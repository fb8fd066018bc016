// A few tasks for the timeline: npx miniloop run examples/tasks.ts --timeline
import { createTask, sleep, Future } from 'miniloop';

const order = new Future<string>({ kind: 'future', what: 'order placed' });

async function chef(): Promise<void> {
  console.log('chef: waiting for an order');
  const dish = await order;
  await sleep(300); // cooking
  console.log(`chef: ${dish} is ready`);
}

async function waiter(): Promise<void> {
  await sleep(100); // walking to the table
  console.log('waiter: order taken');
  order.setResult('soup');
  await sleep(50);
}

async function cleaner(): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    await sleep(120);
    console.log(`cleaner: table ${i} clean`);
  }
}

const tasks = [
  createTask(chef, { name: 'chef' }),
  createTask(waiter, { name: 'waiter' }),
  createTask(cleaner, { name: 'cleaner' }),
];
for (const task of tasks) await task;
console.log('restaurant closed');

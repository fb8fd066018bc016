import { createTask, checkpoint } from 'miniloop';

async function spinner(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    console.log(`${name} ${i}`);
    await checkpoint();
  }
  console.log(`${name} done`);
}

async function main() {
  const a = createTask(() => spinner('a', 3));
  const b = createTask(() => spinner('b', 2));
  console.log('main yields once');
  await checkpoint();
  console.log('main back');
  await checkpoint();
  console.log('main back again');
  await a;
  await b;
  console.log('all done');
}

await main();

import { createTask, sleep, checkpoint, type Task } from 'miniloop';

async function work(): Promise<string> {
  await sleep(100);
  console.log('work returns');
  return 'w';
}

async function awaiter(t: Task<string>) {
  const r = await t;
  console.log(`awaiter got ${r}`);
}

async function main() {
  const t = createTask(() => work());
  t.addDoneCallback(() => console.log('callback 1'));
  const a = createTask(() => awaiter(t));
  await checkpoint();
  t.addDoneCallback((f) => console.log(`callback 2 sees ${f.result()}`));
  const r = await t;
  console.log(`main got ${r}`);
  await a;
  t.addDoneCallback(() => console.log('callback on a done task'));
  console.log('added after done');
  await checkpoint();
  console.log('end');
}

await main();

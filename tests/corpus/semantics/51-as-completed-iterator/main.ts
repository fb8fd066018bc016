import { createTask, asCompleted, sleep } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function work(name: string, delay: number): Promise<string> {
  await sleep(delay);
  console.log(`${name} finished`);
  return name;
}

async function main() {
  const tasks = ([['slow', 300], ['fast', 100], ['mid', 200]] as const).map(([n, d]) => createTask(() => work(n, d)));
  // 3.13: `async for` over as_completed() yields the original tasks, in the
  // order they finish (the plain `for` still yields new awaitables).
  for await (const t of asCompleted(tasks)) {
    console.log(`next: ${t.result()}, one of ours: ${yn(tasks.includes(t as (typeof tasks)[number]))}`);
  }
  for (const aw of asCompleted([createTask(() => work('again', 100))])) {
    console.log(`plain for: ${await aw}`);
  }
}

await main();

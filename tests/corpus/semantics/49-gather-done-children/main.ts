import { createTask, gather, checkpoint } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function child(n: number): Promise<number> {
  console.log(`child ${n} runs`);
  return n * 10;
}

async function ticker() {
  for (let i = 0; i < 3; i++) {
    console.log(`tick ${i}`);
    await checkpoint();
  }
}

async function main() {
  const a = createTask(() => child(1));
  const b = createTask(() => child(2));
  await checkpoint();
  console.log(`both done: ${yn(a.done() && b.done())}`);
  const t = createTask(() => ticker());
  // 3.12+: gather counts children that are already done at once, so the
  // gathering future is done when gather() returns and awaiting it does not
  // suspend; 3.11 scheduled a callback per child and needed loop turns.
  const r = await gather(a, b);
  console.log(`gathered ${r[0]} ${r[1]}`);
  await t;
  console.log('ticker done');
}

await main();

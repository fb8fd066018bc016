import { run, sleep } from 'miniloop';

const held: AsyncGenerator<number>[] = [];

async function* ticks(name: string) {
  try {
    for (let i = 0; i < 100; i++) {
      yield i;
      await sleep(100);
    }
  } finally {
    console.log(`${name} closing`);
    await sleep(50);
    console.log(`${name} closed`);
  }
}

async function* finished() {
  try {
    yield 1;
  } finally {
    console.log('finished gen finally');
  }
}

async function main() {
  const g = ticks('g');
  held.push(g);
  console.log(`g gave ${(await g.next()).value}`);
  console.log(`g gave ${(await g.next()).value}`);
  const f = finished();
  held.push(f);
  for await (const x of f) console.log(`f gave ${x}`);
  console.log('main returns');
}

await run(main);
console.log('after run');

import { openNursery, sleep, type Nursery } from 'miniloop';

async function spawner(nursery: Nursery, depth: number) {
  console.log(`spawner ${depth} runs`);
  await sleep(100);
  if (depth < 3) {
    nursery.startSoon(spawner, nursery, depth + 1);
    console.log(`spawner ${depth} spawned ${depth + 1}`);
  }
  await sleep(50);
  console.log(`spawner ${depth} ends`);
}

async function main() {
  await openNursery(async (nursery) => {
    nursery.startSoon(spawner, nursery, 1);
    console.log('body ends at once');
  });
  console.log('nursery waited for every generation');
}

await main();

import { openNursery, sleep } from 'miniloop';

async function child(name: string, delay: number) {
  console.log(`${name} started`);
  await sleep(delay);
  console.log(`${name} finished`);
}

async function main() {
  console.log('opening nursery');
  await openNursery(async (nursery) => {
    nursery.startSoon(child, 'a', 300);
    nursery.startSoon(child, 'b', 100);
    nursery.startSoon(child, 'c', 200);
    console.log('body done, nursery waits for children');
  });
  console.log('nursery closed');
  await openNursery(async (nursery) => {
    nursery.startSoon(child, 'd', 100);
    await sleep(200);
    console.log('body slept longer than its child');
  });
  console.log('end');
}

await main();

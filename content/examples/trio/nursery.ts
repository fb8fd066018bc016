import { openNursery, sleep, now } from 'miniloop';

async function child(name: string, ms: number) {
  console.log(`${now()} ms: ${name} starts`);
  await sleep(ms);
  console.log(`${now()} ms: ${name} done`);
}

console.log('opening the nursery');
await openNursery(async (nursery) => {
  nursery.startSoon(child, 'a', 300);
  nursery.startSoon(child, 'b', 100);
  console.log(`${now()} ms: the body ends here, a and b have not even started`);
});
console.log(`${now()} ms: nursery closed, so a and b are both finished`);

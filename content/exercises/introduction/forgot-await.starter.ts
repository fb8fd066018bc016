import { sleep } from 'miniloop';

async function save(name: string) {
  await sleep(100); // writing to disk takes a while
  console.log(`saved ${name}`);
}

console.log('saving the report');
save('report');
console.log('all saved, safe to quit');

import { createTask, sleep } from 'miniloop';

const save = async (what: string) => {
  await sleep(100);
  console.log(`saved ${what}`);
};

console.log('saving the report');
const saving = createTask(() => save('report'), { name: 'save' });
await saving;
console.log('all saved, safe to quit');

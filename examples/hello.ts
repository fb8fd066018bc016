// Hello, miniloop: two tasks take turns on one event loop, in virtual time.
// Run it: npx miniloop run examples/hello.ts   (add --timeline or --json)
import { createTask, sleep } from 'miniloop';

async function greet(name: string, delay: number): Promise<string> {
  console.log(`${name}: start`);
  await sleep(delay); // virtual time: finishes at once in wall time
  console.log(`${name}: done after ${delay}ms`);
  return name;
}

const a = createTask(() => greet('alice', 200), { name: 'alice' });
const b = createTask(() => greet('bob', 100), { name: 'bob' });
console.log('hello from the top level');
const names = [await a, await b];
console.log(`both finished: ${names.join(', ')}`);

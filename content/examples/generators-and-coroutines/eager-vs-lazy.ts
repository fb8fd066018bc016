import { sleep } from 'miniloop';

async function greet(name: string) {
  console.log(`greet(${name}) starts`);
  await sleep(10);
  return `hi, ${name}`;
}

// In JavaScript, calling an async function runs it at once, up to its
// first await, and returns a promise.
const p = greet('js');
console.log('greet() has been called');
console.log(await p);

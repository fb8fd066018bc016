import { now, sleep } from 'miniloop';

// A job finishes at some moment we are not told about.
let done = false;
setTimeout(() => { done = true; }, 230);

// Polling: ask again and again, at a fixed interval.
let checks = 0;
while (!done) {
  checks++;
  await sleep(100); // between checks the loop is free
}
console.log(`noticed at ${now()} ms after ${checks} checks (it finished at 230 ms)`);

import { blockFor, now } from 'miniloop';

const ticker = setInterval(() => console.log(`${now()} ms: still alive`), 25);

// An async loop that waits for a 0 ms timer between records, so due timers get in.
const nextTurn = () => new Promise<void>((resolve) => setTimeout(() => resolve(), 0));
for (let done = 1; done <= 40; done++) {
  blockFor(5); // parse one record
  await nextTurn();
}
console.log(`${now()} ms: parsed 40 records`);
clearInterval(ticker);

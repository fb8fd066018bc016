import { blockFor, callLater, callSoon, now, sleep } from 'miniloop';

// JavaScript's rule: the microtask queue is drained to the end, microtasks
// queued by microtasks included. A chain that keeps queuing itself holds
// back a timer that is already due.
setTimeout(() => console.log(`${now()} ms: the timer, due at 1 ms`), 0);
let micro = 0;
const again = () => {
  micro++;
  console.log(`${now()} ms: microtask ${micro}`);
  blockFor(2); // 2 ms of work
  if (micro < 5) queueMicrotask(again);
};
queueMicrotask(again);
await sleep(20);

// asyncio's rule: a turn runs only the callbacks that were ready when it
// began. A callback that keeps rescheduling itself gets one slot per turn,
// so the timer gets in after the first one.
const due = now();
callLater(0, () => console.log(`${now()} ms: the timer, due at ${due} ms`));
let soon = 0;
const spin = () => {
  soon++;
  console.log(`${now()} ms: callback ${soon}`);
  blockFor(2); // 2 ms of work
  if (soon < 5) callSoon(spin);
};
callSoon(spin);
await sleep(20);

// Inside a timer callback Node drains the nextTick queue before the promise jobs the
// callback queued, and again after them if they queued ticks (processTicksAndRejections).
setTimeout(() => {
  console.log('timer A');
  Promise.resolve().then(() => {
    console.log('A: promise');
    process.nextTick(() => console.log('A: tick from promise'));
    Promise.resolve().then(() => console.log('A: promise from promise'));
  });
  process.nextTick(() => {
    console.log('A: tick');
    process.nextTick(() => console.log('A: nested tick'));
    queueMicrotask(() => console.log('A: microtask from tick'));
  });
}, 10);
setTimeout(() => {
  console.log('timer B');
  process.nextTick(() => console.log('B: tick'));
}, 10);
setTimeout(() => console.log('timer C, later'), 20);

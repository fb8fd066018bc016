// process.nextTick at the top level of an ES module: the module's evaluation is itself
// a microtask in Node, so its promise jobs run first, then the ticks; a tick queued by a
// promise job waits until the microtask queue is empty, and promise jobs queued by ticks
// run after all ticks.
console.log('start');
process.nextTick(() => console.log('tick 1'));
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('tick from promise'));
});
queueMicrotask(() => console.log('microtask'));
process.nextTick(() => {
  console.log('tick 2');
  Promise.resolve().then(() => console.log('promise from tick 2'));
  process.nextTick(() => console.log('tick from tick 2'));
});
process.nextTick((a, b) => console.log('tick with args', a, b), 'x', 42);
console.log('end');

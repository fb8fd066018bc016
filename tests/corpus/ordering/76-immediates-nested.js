// Immediates run in the order they were set; one set by an immediate waits for the next
// check phase, after the immediates already queued. (No timer is pending here: a 1 ms
// timer set beside them would race with the second check phase in real time.)
setImmediate(() => {
  console.log('A');
  setImmediate(() => {
    console.log('C (set by A)');
    process.nextTick(() => console.log('tick from C'));
  });
  Promise.resolve().then(() => console.log('promise from A'));
});
setImmediate(() => {
  console.log('B');
  queueMicrotask(() => {
    console.log('microtask from B');
    setImmediate(() => console.log('D (set by a microtask of B)'));
  });
});
console.log('main done');

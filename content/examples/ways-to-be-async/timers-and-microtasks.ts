// Two timers due at the same moment. Does the microtask queued by the
// first one run before the second timer?
setTimeout(() => {
  console.log('timer 1');
  Promise.resolve().then(() => console.log('  microtask from timer 1'));
  queueMicrotask(() => console.log('  another microtask from timer 1'));
}, 0);

setTimeout(() => {
  console.log('timer 2');
  setTimeout(() => console.log('timer 3, set by timer 2'), 0);
  Promise.resolve().then(() => console.log('  microtask from timer 2'));
}, 0);

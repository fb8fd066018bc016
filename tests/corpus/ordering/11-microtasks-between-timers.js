// Since Node 11 the microtask queue drains after EACH timer callback, even
// when several timers are due at once.
setTimeout(() => {
  console.log('timer 1');
  Promise.resolve().then(() => console.log('timer 1 micro a')).then(() => console.log('timer 1 micro b'));
  queueMicrotask(() => console.log('timer 1 queueMicrotask'));
}, 10);
setTimeout(() => {
  console.log('timer 2');
  Promise.resolve().then(() => console.log('timer 2 micro'));
}, 10);
setTimeout(() => console.log('timer 3'), 10);
console.log('scheduled');

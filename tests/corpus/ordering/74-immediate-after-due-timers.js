// Timers that are due together all run in one timers phase; an immediate set by the
// first runs only after the last of them, in the check phase.
setTimeout(() => {
  console.log('timer 1');
  setImmediate(() => console.log('immediate from timer 1'));
  process.nextTick(() => console.log('tick from timer 1'));
}, 50);
setTimeout(() => {
  console.log('timer 2');
  Promise.resolve().then(() => console.log('promise from timer 2'));
}, 50);
setTimeout(() => {
  setImmediate(() => {
    console.log('immediate at 100');
    setTimeout(() => console.log('timeout from immediate'), 0);
    setImmediate(() => console.log('immediate from immediate'));
  });
}, 100);

// In a timer callback, setImmediate always runs before setTimeout(0): the check phase
// comes before the next timers phase. Ticks and microtasks drain between immediates.
setTimeout(() => {
  console.log('timer');
  setTimeout(() => console.log('timeout 0 from timer'), 0);
  setImmediate(() => {
    console.log('immediate 1');
    process.nextTick(() => console.log('tick from immediate 1'));
    Promise.resolve().then(() => console.log('promise from immediate 1'));
  });
  setImmediate((a) => console.log('immediate 2 with', a), 'arg');
  const cancelled = setImmediate(() => console.log('never: cleared'));
  clearImmediate(cancelled);
}, 5);

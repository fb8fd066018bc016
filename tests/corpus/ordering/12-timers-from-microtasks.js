// Timers scheduled from microtasks, microtasks from timers, and timers
// from those microtasks.
setTimeout(() => console.log('T0 (sync)'), 0);
Promise.resolve().then(() => {
  console.log('M1');
  setTimeout(() => {
    console.log('T1 (from M1)');
    queueMicrotask(() => {
      console.log('M3 (from T1)');
      setTimeout(() => console.log('T3 (from M3)'), 0);
    });
  }, 0);
});
queueMicrotask(() => {
  console.log('M2');
  setTimeout(() => console.log('T2 (from M2)'), 0);
});
console.log('sync');

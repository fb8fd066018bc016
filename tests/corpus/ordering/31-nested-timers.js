// Timers that schedule timers: a timer added during a timer callback never
// runs in the same pass, even with delay 0.
setTimeout(() => {
  console.log('A');
  setTimeout(() => console.log('A child (0)'), 0);
  Promise.resolve().then(() => console.log('A micro'));
}, 0);
setTimeout(() => {
  console.log('B');
  setTimeout(() => {
    console.log('B child (0)');
    setTimeout(() => console.log('B grandchild (0)'), 0);
  }, 0);
}, 0);
setTimeout(() => console.log('C at 80'), 80);
setTimeout(() => {
  console.log('D at 40');
  setTimeout(() => console.log('D child at 40+80'), 80);
}, 40);

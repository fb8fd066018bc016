// A long run of microtasks (each scheduling the next) all run before a timer
// that was due long ago.
setTimeout(() => console.log('timer'), 0);
let n = 0;
function again() {
  n++;
  if (n % 250 === 0) console.log('microtask', n);
  if (n < 1000) queueMicrotask(again);
}
queueMicrotask(again);
async function loop() {
  for (let i = 0; i < 3; i++) await null;
  console.log('async loop done, n =', n);
}
loop();

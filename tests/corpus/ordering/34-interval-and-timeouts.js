// An interval interleaved with one-shot timeouts, with a microtask after each
// callback.
let ticks = 0;
const id = setInterval(() => {
  ticks++;
  console.log('interval', ticks);
  queueMicrotask(() => console.log('micro after interval', ticks));
  if (ticks === 3) clearInterval(id);
}, 60);
setTimeout(() => console.log('timeout 30'), 30);
setTimeout(() => console.log('timeout 90'), 90);
setTimeout(() => {
  console.log('timeout 150');
  Promise.resolve().then(() => console.log('micro after timeout 150'));
}, 150);
setTimeout(() => console.log('timeout 250, ticks', ticks), 250);

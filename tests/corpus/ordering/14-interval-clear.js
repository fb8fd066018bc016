// setInterval ticks, microtasks after each tick, clearInterval on the third.
let n = 0;
const id = setInterval(() => {
  n++;
  console.log('tick', n);
  Promise.resolve().then(() => console.log('micro after tick', n));
  if (n === 3) {
    clearInterval(id);
    console.log('cleared');
  }
}, 20);
setTimeout(() => console.log('after 3 ticks, n =', n), 100);
console.log('started');

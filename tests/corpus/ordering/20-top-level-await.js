// Top-level await interleaving with timers and microtasks.
console.log('top 1');
setTimeout(() => {
  console.log('timer 20');
  queueMicrotask(() => console.log('micro in timer 20'));
}, 20);
setTimeout(() => console.log('timer 60'), 60);
Promise.resolve().then(() => console.log('micro 1')).then(() => console.log('micro 2'));
await null;
console.log('top 2 after await null');
await new Promise((r) => setTimeout(r, 40));
console.log('top 3 after 40ms');
queueMicrotask(() => console.log('micro from top 3'));
await Promise.resolve();
console.log('top 4');
await new Promise((r) => setTimeout(r, 40));
console.log('top 5 end');

// Synchronous code first, then all microtasks, then the timer.
console.log('start');
setTimeout(() => console.log('timeout'), 0);
Promise.resolve().then(() => console.log('then 1'));
queueMicrotask(() => console.log('microtask'));
Promise.resolve().then(() => console.log('then 2'));
console.log('end');

// Node treats setTimeout(fn, 0) as setTimeout(fn, 1): both land in the same
// bucket and fire in insertion order.
setTimeout(() => console.log('a: 1ms'), 1);
setTimeout(() => console.log('b: 0ms'), 0);
setTimeout(() => console.log('c: 1ms'), 1);
setTimeout(() => console.log('d: no delay'));
setTimeout(() => console.log('e: 0ms'), 0);
setTimeout(() => console.log('f: 30ms'), 30);
console.log('sync');

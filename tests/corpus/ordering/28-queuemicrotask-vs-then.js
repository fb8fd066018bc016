// queueMicrotask and promise reactions share one FIFO queue.
queueMicrotask(() => console.log('q1'));
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p1b'));
queueMicrotask(() => {
  console.log('q2');
  queueMicrotask(() => console.log('q2 nested'));
  Promise.resolve().then(() => console.log('p from q2'));
});
Promise.resolve().then(() => {
  console.log('p2');
  queueMicrotask(() => console.log('q from p2'));
});
queueMicrotask(() => console.log('q3'));
console.log('sync');

// Promise.resolve(p) returns p itself; new Promise(r => r(p)) wraps it and
// costs two extra ticks.
const p = Promise.resolve('x');
console.log('same object', Promise.resolve(p) === p);
const wrapped = new Promise((r) => r(p));
console.log('wrapped differs', wrapped !== p);
wrapped.then((v) => console.log('wrapped', v));
Promise.resolve(p).then((v) => console.log('identity', v));
p.then((v) => console.log('direct', v));
Promise.resolve()
  .then(() => console.log('tick 1'))
  .then(() => console.log('tick 2'))
  .then(() => console.log('tick 3'));

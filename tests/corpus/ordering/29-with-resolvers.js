// Promise.withResolvers: resolving from a timer, resolving twice, and
// rejecting a second one that is handled.
const a = Promise.withResolvers();
const b = Promise.withResolvers();
a.promise.then((v) => console.log('a resolved', v));
b.promise.catch((e) => console.log('b rejected', e));
setTimeout(() => {
  console.log('timer resolves a');
  a.resolve('first');
  a.resolve('second');
  console.log('timer after resolve');
}, 20);
setTimeout(() => {
  console.log('timer rejects b');
  b.reject('nope');
}, 40);
const c = Promise.withResolvers();
c.resolve(a.promise);
c.promise.then((v) => console.log('c follows a', v));
console.log('sync');

// A native promise with its own `then` property: `await` and
// Promise.resolve() use the internal slot and never call it, but returning
// it from a then callback (or resolving another promise with it) does.
const p = Promise.resolve('native');
p.then = function (onFul, onRej) {
  console.log('patched then called');
  return Promise.prototype.then.call(this, onFul, onRej);
};
async function awaits() {
  const v = await p;
  console.log('await got', v);
}
awaits();
console.log('Promise.resolve(p) === p', Promise.resolve(p) === p);
Promise.resolve()
  .then(() => p)
  .then((v) => console.log('then chain got', v));
new Promise((r) => r(p)).then((v) => console.log('resolver got', v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'));

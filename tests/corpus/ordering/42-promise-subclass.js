// A Promise subclass: then() returns the subclass (species), and awaiting an
// instance is not the fast path (its constructor is not Promise).
class MyPromise extends Promise {}
const m = MyPromise.resolve('m');
console.log('then returns', m.then(() => {}).constructor.name);
console.log('Promise.resolve(m) wraps it', Promise.resolve(m) !== m);
async function awaitsSub() {
  const v = await m;
  console.log('await subclass got', v);
}
async function awaitsNative() {
  const v = await Promise.resolve('n');
  console.log('await native got', v);
}
awaitsSub();
awaitsNative();
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'));

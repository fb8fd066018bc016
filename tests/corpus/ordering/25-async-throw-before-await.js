// An async function that throws before its first await still returns a
// (rejected) promise: the caller's synchronous code keeps going.
async function fails() {
  console.log('fails: start');
  throw new Error('early');
}
async function failsLater() {
  console.log('failsLater: start');
  await null;
  throw new Error('later');
}
const a = fails();
console.log('after calling fails, got a promise:', a instanceof Promise);
const b = failsLater();
console.log('after calling failsLater');
a.catch((e) => console.log('caught', e.message));
b.catch((e) => console.log('caught', e.message));
Promise.resolve().then(() => console.log('t1')).then(() => console.log('t2'));

// A thenable whose then() throws rejects the await; a throw after resolve()
// is ignored; calling resolve twice only counts once.
const throwing = {
  then() {
    console.log('throwing.then');
    throw new Error('boom');
  },
};
const throwsAfterResolve = {
  then(resolve, reject) {
    console.log('late.then');
    resolve('ok');
    resolve('again');
    reject(new Error('ignored'));
    throw new Error('ignored too');
  },
};
async function one() {
  try {
    await throwing;
    console.log('one: not reached');
  } catch (e) {
    console.log('one caught', e.message);
  }
}
async function two() {
  const v = await throwsAfterResolve;
  console.log('two got', v);
}
one();
two();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'));
console.log('sync end');

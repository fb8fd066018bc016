// Each `await` of a non-promise costs one tick, like one `.then` step.
async function a() {
  console.log('a0');
  await null;
  console.log('a1');
  await 42;
  console.log('a2');
  await undefined;
  console.log('a3');
}
a();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'))
  .then(() => console.log('p4'));
console.log('sync');

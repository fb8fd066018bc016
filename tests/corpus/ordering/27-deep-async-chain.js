// A awaits B awaits C, interleaved with a parallel chain of the same shape
// and with a then chain.
async function c(name) {
  console.log(name, 'C start');
  await null;
  console.log(name, 'C end');
  return 'c';
}
async function b(name) {
  console.log(name, 'B start');
  const v = await c(name);
  console.log(name, 'B end');
  return v + 'b';
}
async function a(name) {
  console.log(name, 'A start');
  const v = await b(name);
  console.log(name, 'A end', v + 'a');
}
a('X');
a('Y');
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'))
  .then(() => console.log('p4'));
console.log('sync end');

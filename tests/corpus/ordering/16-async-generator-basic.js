// An async generator with awaits inside, consumed by for await, interleaved
// with a plain promise chain.
async function* gen() {
  console.log('gen start');
  yield 1;
  console.log('gen after yield 1');
  await null;
  console.log('gen after await');
  yield 2;
  console.log('gen end');
}
async function consume() {
  for await (const v of gen()) {
    console.log('got', v);
  }
  console.log('consume done');
}
consume();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'))
  .then(() => console.log('p4'))
  .then(() => console.log('p5'))
  .then(() => console.log('p6'))
  .then(() => console.log('p7'))
  .then(() => console.log('p8'));
console.log('sync end');

// yield* in an async generator delegates to another async generator; for
// await over an async generator that itself uses for await.
async function* inner() {
  console.log('inner start');
  yield 'i1';
  await null;
  yield 'i2';
  console.log('inner end');
  return 'inner-ret';
}
async function* outer() {
  yield 'o1';
  const r = yield* inner();
  console.log('outer got return', r);
  yield 'o2';
}
async function* doubled(source) {
  for await (const v of source) {
    yield v + v;
  }
}
async function main() {
  for await (const v of doubled(outer())) {
    console.log('main', v);
  }
  console.log('main done');
}
main();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'))
  .then(() => console.log('p4'));

// for await over a sync iterable of promises and values: each element is
// awaited in order, even if a later promise settles first.
const slow = new Promise((r) => setTimeout(() => {
  console.log('slow settles');
  r('slow');
}, 40));
const fast = new Promise((r) => setTimeout(() => {
  console.log('fast settles');
  r('fast');
}, 20));
function* items() {
  console.log('iter: first');
  yield slow;
  console.log('iter: second');
  yield 'plain';
  console.log('iter: third');
  yield fast;
}
async function main() {
  for await (const v of items()) {
    console.log('value', v);
  }
  for await (const v of [1, Promise.resolve(2), 3]) {
    console.log('array value', v);
  }
  console.log('done');
}
main();
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));

// In an async generator, `yield promise` awaits it first; a rejected promise
// throws at the yield, inside the generator.
async function* g() {
  const delayed = new Promise((r) => setTimeout(() => r('delayed'), 20));
  yield delayed;
  try {
    yield Promise.reject(new Error('rejected yield'));
    console.log('not reached');
  } catch (e) {
    console.log('generator caught', e.message);
  }
  yield 'last';
}
async function main() {
  const it = g();
  console.log('1', (await it.next()).value);
  console.log('2', (await it.next()).value);
  const r = await it.next();
  console.log('3', r.value, r.done);
}
main();
setTimeout(() => console.log('timer 0 runs before the delayed value'), 0);

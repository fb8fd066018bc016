// Returning a promise from an async function costs extra ticks compared to
// returning a plain value.
async function returnsValue() {
  return 'value';
}
async function returnsPromise() {
  return Promise.resolve('promise');
}
async function returnsAwaited() {
  return await Promise.resolve('awaited');
}
returnsPromise().then((v) => console.log('got', v));
returnsAwaited().then((v) => console.log('got', v));
returnsValue().then((v) => console.log('got', v));
Promise.resolve()
  .then(() => console.log('tick 1'))
  .then(() => console.log('tick 2'))
  .then(() => console.log('tick 3'))
  .then(() => console.log('tick 4'))
  .then(() => console.log('tick 5'));

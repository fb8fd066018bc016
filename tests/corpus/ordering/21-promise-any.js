// Promise.any: first fulfilment wins; if all reject, an AggregateError with
// the reasons in input order (not settlement order).
Promise.any([
  Promise.reject('r1'),
  new Promise((r) => setTimeout(() => r('late win'), 20)),
  Promise.resolve('quick win'),
]).then((v) => console.log('any 1', v));
Promise.any([
  new Promise((_, rej) => setTimeout(() => rej('second'), 20)),
  Promise.reject('first'),
  new Promise((_, rej) => setTimeout(() => rej('third'), 40)),
]).catch((err) => {
  console.log('any 2 error', err.constructor.name);
  console.log('any 2 errors', err.errors.join(','));
  console.log('any 2 instanceof', err instanceof AggregateError, err instanceof Error);
});
Promise.any([]).catch((err) => console.log('any empty', err.constructor.name, err.errors.length));
console.log('sync');

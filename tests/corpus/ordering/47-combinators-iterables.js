// Promise combinators take any iterable (a generator here, consumed
// synchronously); Promise.race settles with the first element in input order
// when several are already settled.
function* gen() {
  console.log('gen yields 1');
  yield 1;
  console.log('gen yields a promise');
  yield Promise.resolve(2);
  console.log('gen yields a thenable');
  yield { then(r) { console.log('thenable.then'); r(3); } };
  console.log('gen done');
}
Promise.all(gen()).then((vs) => console.log('all', vs.join(',')));
console.log('after Promise.all call');
Promise.race([Promise.reject('first rejects'), Promise.resolve('second fulfils')]).catch((e) => console.log('race', e));
Promise.allSettled(new Set([Promise.resolve('s'), 'plain'])).then((rs) => console.log('allSettled', rs.map((r) => r.status + ':' + r.value).join(',')));
Promise.any(new Map([['k', 'v']]).values()).then((v) => console.log('any', v));
console.log('sync end');

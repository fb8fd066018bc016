// Promise.all with plain values, thenables, resolved promises and a timer:
// results come back in input order; the combinator's reactions take ticks.
const thenable = {
  then(r) {
    console.log('thenable.then');
    r('thenable');
  },
};
Promise.all([
  'plain',
  Promise.resolve('resolved'),
  thenable,
  new Promise((r) => setTimeout(() => r('timer'), 20)),
]).then((vs) => console.log('all', vs.join(',')));
Promise.all([1, 2, 3]).then((vs) => console.log('all values', vs.join(',')));
Promise.all([]).then((vs) => console.log('all empty', vs.length));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));
console.log('sync');

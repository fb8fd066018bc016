// A rejection that gets its handler a few microtasks later (still within the
// same checkpoint) is not an unhandled rejection.
const p = Promise.reject(new Error('late'));
queueMicrotask(() => {
  console.log('attaching handler');
  p.catch((e) => console.log('handled', e.message));
});
const q = Promise.reject(new Error('chained'));
Promise.resolve()
  .then(() => console.log('step 1'))
  .then(() => {
    console.log('step 2 attaches');
    return q.catch((e) => 'recovered ' + e.message);
  })
  .then((v) => console.log(v));
setTimeout(() => console.log('timer: still alive'), 0);

// Promise.all rejects on the first rejection; the other inputs still run and
// settle, but their outcome is ignored.
function later(ms, v, fail) {
  return new Promise((res, rej) => setTimeout(() => {
    console.log('settling', v);
    if (fail) rej(new Error(v));
    else res(v);
  }, ms));
}
const slowFail = later(60, 'slow-fail', true);
slowFail.catch(() => console.log('slow-fail handled separately'));
Promise.all([later(20, 'ok-20'), later(40, 'fail-40', true), slowFail])
  .then(() => console.log('not reached'))
  .catch((e) => console.log('all rejected with', e.message));
console.log('sync');

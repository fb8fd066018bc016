// A finally callback returning a promise delays the chain until it settles
// (keeping the original value); a throwing finally replaces the outcome.
Promise.resolve('kept')
  .finally(() => {
    console.log('A finally');
    return new Promise((r) => setTimeout(() => {
      console.log('A finally timer');
      r('ignored');
    }, 20));
  })
  .then((v) => console.log('A then', v));
Promise.resolve('lost')
  .finally(() => {
    console.log('B finally');
    throw new Error('from finally');
  })
  .then((v) => console.log('B then', v), (e) => console.log('B rejected', e.message));
Promise.reject(new Error('orig'))
  .finally(() => {
    console.log('C finally');
    return Promise.reject(new Error('replaced'));
  })
  .catch((e) => console.log('C catch', e.message));
setTimeout(() => console.log('timer 0'), 0);

// Rejections skip then-handlers without a rejection callback (one tick each);
// catch can recover or rethrow.
Promise.reject(new Error('E'))
  .then(() => console.log('A skipped'))
  .then(() => console.log('A skipped 2'))
  .catch((e) => {
    console.log('A caught', e.message);
    throw new Error('E2');
  })
  .then(() => console.log('A skipped 3'))
  .catch((e) => {
    console.log('A caught again', e.message);
    return 'recovered';
  })
  .then((v) => console.log('A then', v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'))
  .then(() => console.log('t5'))
  .then(() => console.log('t6'));

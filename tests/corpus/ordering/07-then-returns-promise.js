// A then callback returning a promise delays the chain by two extra ticks;
// returning a thenable by one (plus the thenable's own then call).
Promise.resolve()
  .then(() => {
    console.log('A1');
    return Promise.resolve('a');
  })
  .then((v) => console.log('A2', v));
Promise.resolve()
  .then(() => {
    console.log('B1');
    return 'b';
  })
  .then((v) => console.log('B2', v));
Promise.resolve()
  .then(() => {
    console.log('C1');
    return { then(r) { console.log('C then'); r('c'); } };
  })
  .then((v) => console.log('C2', v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'))
  .then(() => console.log('t5'));

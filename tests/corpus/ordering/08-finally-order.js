// finally() passes values and reasons through and costs extra ticks.
Promise.resolve('v')
  .finally(() => console.log('F1 finally'))
  .then((v) => console.log('F1 then', v));
Promise.reject(new Error('r'))
  .finally(() => console.log('F2 finally'))
  .catch((e) => console.log('F2 catch', e.message));
Promise.resolve('w')
  .then((v) => console.log('T then', v))
  .then(() => console.log('T then 2'))
  .then(() => console.log('T then 3'))
  .then(() => console.log('T then 4'));

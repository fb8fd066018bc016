// .catch(fn) is .then(undefined, fn): same tick cost. Promise.reject(p)
// does not unwrap p. A rejection passed through several thens takes one tick
// per then.
const r = Promise.reject(new Error('r'));
r.catch((e) => console.log('catch', e.message));
r.then(undefined, (e) => console.log('then(undefined, fn)', e.message));
r.then(() => {}).then(() => {}).catch((e) => console.log('after two thens', e.message));
const inner = Promise.resolve('inner');
Promise.reject(inner).catch((e) => console.log('reason is the promise itself', e === inner));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'));

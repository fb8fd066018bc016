// An async function returning a thenable (not a promise): then() is called
// in a later job; awaiting a rejected promise inside try/finally.
async function retThenable() {
  return {
    then(r) {
      console.log('thenable.then');
      r('from thenable');
    },
  };
}
async function tryFinally() {
  try {
    await Promise.reject(new Error('x'));
  } finally {
    console.log('finally runs');
  }
}
retThenable().then((v) => console.log('got', v));
tryFinally().catch((e) => console.log('tryFinally rejected', e.message));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'));

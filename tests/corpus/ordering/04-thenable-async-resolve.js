// Thenables that call back later: from a microtask and from a timer.
const viaMicrotask = {
  then(resolve) {
    console.log('m: then called');
    queueMicrotask(() => {
      console.log('m: resolving');
      resolve('M');
    });
  },
};
const viaTimer = {
  then(resolve) {
    console.log('t: then called');
    setTimeout(() => {
      console.log('t: resolving');
      resolve('T');
      console.log('t: after resolve');
    }, 0);
  },
};
async function useM() {
  console.log('useM', await viaMicrotask);
}
async function useT() {
  console.log('useT', await viaTimer);
}
useT();
useM();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'))
  .then(() => console.log('p4'));
console.log('sync end');

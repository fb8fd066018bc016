// Awaiting a thenable: its then() is called in a job (one tick later), and it
// resolves synchronously inside then().
const thenable = {
  then(resolve) {
    console.log('then called');
    resolve('T');
  },
};
async function f() {
  console.log('f start');
  const v = await thenable;
  console.log('f got', v);
}
f();
Promise.resolve()
  .then(() => console.log('p1'))
  .then(() => console.log('p2'))
  .then(() => console.log('p3'))
  .then(() => console.log('p4'));
console.log('sync end');

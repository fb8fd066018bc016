// When is `then` read? Synchronously when a promise is resolved with the
// object (or when await starts), and once per resolution.
let reads = 0;
const obj = {
  get then() {
    reads++;
    console.log('then getter read', reads);
    return (resolve) => {
      console.log('then method runs');
      resolve('value');
    };
  },
};
console.log('before resolve');
const p = new Promise((resolve) => {
  resolve(obj);
  console.log('after resolve(obj) in executor');
});
p.then((v) => console.log('p fulfilled with', v));
async function f() {
  console.log('f before await');
  const v = await obj;
  console.log('f got', v);
}
f();
console.log('sync end, reads =', reads);
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'));

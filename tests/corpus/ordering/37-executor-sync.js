// The Promise executor runs synchronously; after resolve(), a throw is
// ignored; then() on an already-resolved promise still waits for a tick.
console.log('before');
const p = new Promise((resolve) => {
  console.log('executor runs now');
  resolve('R');
  console.log('executor continues after resolve');
  throw new Error('ignored');
});
console.log('after constructor');
p.then((v) => console.log('then', v));
const q = new Promise(() => {
  throw new Error('executor threw');
});
q.catch((e) => console.log('caught', e.message));
console.log('end of sync');

// Promise.allSettled reports every outcome; Promise.race settles with the
// first, later ones are ignored.
Promise.allSettled([
  Promise.resolve(1),
  Promise.reject('no'),
  new Promise((r) => setTimeout(() => r(3), 20)),
]).then((rs) => {
  for (const r of rs) {
    console.log('settled', r.status, r.status === 'fulfilled' ? r.value : r.reason);
  }
});
Promise.race([
  new Promise((r) => setTimeout(() => r('slow'), 40)),
  new Promise((r) => setTimeout(() => r('fast'), 20)),
]).then((v) => console.log('race', v));
Promise.race([
  new Promise((_, rej) => setTimeout(() => rej('fail first'), 20)),
  new Promise((r) => setTimeout(() => r('ok later'), 40)),
]).catch((e) => console.log('race rejected', e));
Promise.race([Promise.resolve('a'), 'b']).then((v) => console.log('race sync values', v));
console.log('sync');

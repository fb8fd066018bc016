// A sync generator driven as a coroutine by a promise-based runner (the
// pre-async/await pattern).
function run(genFn) {
  return new Promise((resolve, reject) => {
    const it = genFn();
    function step(method, arg) {
      let r;
      try {
        r = it[method](arg);
      } catch (e) {
        reject(e);
        return;
      }
      if (r.done) {
        resolve(r.value);
        return;
      }
      Promise.resolve(r.value).then((v) => step('next', v), (e) => step('throw', e));
    }
    step('next', undefined);
  });
}
run(function* () {
  console.log('co start');
  const a = yield 1;
  console.log('co got', a);
  const b = yield new Promise((r) => setTimeout(() => r(2), 20));
  console.log('co got', b);
  try {
    yield Promise.reject(new Error('bad'));
  } catch (e) {
    console.log('co caught', e.message);
  }
  return 'co result';
}).then((v) => console.log('run resolved', v));
Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2')).then(() => console.log('p3'));
console.log('sync');

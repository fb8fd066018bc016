// Guess the order before you run it.
console.log('script start');

setTimeout(() => console.log('setTimeout 0'), 0);

Promise.resolve().then(() => console.log('promise.then'));

queueMicrotask(() => console.log('queueMicrotask'));

(async () => {
  console.log('async function body');
  await null;
  console.log('after await');
})();

console.log('script end');

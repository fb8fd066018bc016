console.log('start');
setTimeout(() => console.log('timeout'), 0);

async function work() {
  console.log('work: before await');
  await null;
  console.log('work: after await');
}

Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'));
work();
console.log('end');

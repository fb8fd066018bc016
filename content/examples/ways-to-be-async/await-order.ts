async function a() {
  console.log('a: before await');
  await b();
  console.log('a: after await');
}

async function b() {
  console.log('b runs');
}

setTimeout(() => console.log('timeout'), 0);
a();
Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'));
console.log('end of script');

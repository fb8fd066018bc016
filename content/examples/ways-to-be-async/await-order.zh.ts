async function a() {
  console.log('a：await 之前');
  await b();
  console.log('a：await 之后');
}

async function b() {
  console.log('b 运行');
}

setTimeout(() => console.log('定时器'), 0);
a();
Promise.resolve()
  .then(() => console.log('then 1'))
  .then(() => console.log('then 2'));
console.log('脚本末尾');

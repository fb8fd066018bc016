async function fetchUser() {
  console.log('fetchUser：函数体开始');
  await null;
  console.log('fetchUser：恢复执行');
  return 'ann';
}

function* steps() {
  console.log('steps：函数体开始');
  yield 1;
}

const g = steps();
const user = fetchUser();
console.log('两个都调用了');
g.next();
console.log(`user = ${await user}`);

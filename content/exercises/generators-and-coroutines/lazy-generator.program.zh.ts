function* counter(): Generator<number, void, string> {
  console.log('counter：开始执行');
  const got = yield 1;
  console.log(`counter：收到 ${got}`);
  yield 2;
  console.log('counter：结束');
}

const g = counter();
console.log('生成器已创建');
console.log(`next("a") -> ${g.next('a').value}`);
console.log(`next("b") -> ${g.next('b').value}`);
console.log(`next("c") -> done = ${g.next('c').done}`);

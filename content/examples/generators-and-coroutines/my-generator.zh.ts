// 原文的 my_generator，用 TypeScript 改写。
function* myGenerator(): Generator<number, void, string> {
  let x = 0;
  while (true) {
    const y = yield x ** 2; // 在这里暂停；恢复时拿到传给 next() 的值
    x += 1;
    console.log('收到', y);
  }
}

const gen = myGenerator(); // 此时什么都还没运行
console.log(gen.next()); // 运行到第一个 yield
console.log(gen.next('hello')); // 'hello' 成为那个 yield 表达式的值
console.log(gen.next('world'));
console.log(gen.return()); // 提前结束它（Python 里是 gen.close()）
console.log(gen.next()); // 结束了的生成器就一直是结束状态

function* adder(limit: number): Generator<number, number, number | undefined> {
  let total = 0;
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    if (got !== undefined) total += got;
  }
  return total; // 生成器的结果
}

const g = adder(2);
// 此时还没有谁在等一个值：JavaScript 悄悄丢掉这个 100
// （Python 则会抛出 TypeError）。
console.log(g.next(100));
console.log(g.next(10)); // 10 成为第一个 yield 的值
console.log(g.next(20)); // 生成器返回：done 为 true，并带上结果
console.log(g.next(30)); // 已结束：保持 done

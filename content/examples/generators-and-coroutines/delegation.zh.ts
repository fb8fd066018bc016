// yield* 把工作委托给另一个生成器：它的每个 yield 原样传给驱动我们的一方，
// 它的返回值就是 yield* 表达式的值。
// Python 写作 `yield from`，asyncio 最早的协程就建立在它之上。
type Co<T> = Generator<number, T, number>; // yield 出睡眠请求，收回当前时间

function* sleep(ms: number): Co<string> {
  const t = yield ms; // 请求一路向上，直达驱动者
  return `在 ${t} 醒来`;
}

function* fetchPage(url: string): Co<string> {
  const woke = yield* sleep(100); // 相当于 await asyncio.sleep(0.1)
  console.log(`fetchPage ${woke}`);
  return `<${url} 上的 html>`;
}

function* main(): Co<number> {
  const page = yield* fetchPage('example.com'); // 相当于 page = await fetch_page(...)
  console.log('拿到', page);
  console.log(`main ${yield* sleep(50)}`);
  return page.length;
}

// 最小的驱动者：用一个假时钟应答每个请求。
let clock = 0;
const co = main();
let step = co.next(0);
while (!step.done) {
  clock += step.value;
  step = co.next(clock);
}
console.log('main 返回了', step.value);

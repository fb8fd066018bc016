function* inner(): Generator<string, string, string> {
  console.log('inner：开始');
  const got = yield 'from inner';
  console.log(`inner：收到 ${got}`);
  return 'inner result';
}

function* outer(): Generator<string, void, string> {
  console.log('outer：开始');
  const result = yield* inner();
  console.log(`outer：yield* 的结果是 ${result}`);
  yield 'from outer';
}

const g = outer();
console.log(`第 1 次 next：${g.next('ignored').value}`);
console.log(`第 2 次 next：${g.next('hi').value}`);

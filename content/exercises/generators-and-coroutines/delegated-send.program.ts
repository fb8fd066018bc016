function* inner(): Generator<string, string, string> {
  console.log('inner: start');
  const got = yield 'from inner';
  console.log(`inner: got ${got}`);
  return 'inner result';
}

function* outer(): Generator<string, void, string> {
  console.log('outer: start');
  const result = yield* inner();
  console.log(`outer: yield* gave ${result}`);
  yield 'from outer';
}

const g = outer();
console.log(`1st next: ${g.next('ignored').value}`);
console.log(`2nd next: ${g.next('hi').value}`);

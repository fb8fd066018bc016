function* counter(): Generator<number, void, string> {
  console.log('counter: started');
  const got = yield 1;
  console.log(`counter: got ${got}`);
  yield 2;
  console.log('counter: finished');
}

const g = counter();
console.log('generator created');
console.log(`next("a") -> ${g.next('a').value}`);
console.log(`next("b") -> ${g.next('b').value}`);
console.log(`next("c") -> done = ${g.next('c').done}`);

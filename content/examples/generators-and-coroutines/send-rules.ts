function* adder(limit: number): Generator<number, number, number | undefined> {
  let total = 0;
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    if (got !== undefined) total += got;
  }
  return total; // the generator's result
}

const g = adder(2);
// Nothing is waiting for a value yet: JavaScript silently drops this 100
// (Python raises TypeError instead).
console.log(g.next(100));
console.log(g.next(10)); // 10 is the value of the first yield
console.log(g.next(20)); // the generator returns: done, with its result
console.log(g.next(30)); // finished: stays done

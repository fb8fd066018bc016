// The article's my_generator, in TypeScript.
function* myGenerator(): Generator<number, void, string> {
  let x = 0;
  while (true) {
    const y = yield x ** 2; // pause here; resume with the value passed to next()
    x += 1;
    console.log('Received:', y);
  }
}

const gen = myGenerator(); // nothing runs yet
console.log(gen.next()); // runs up to the first yield
console.log(gen.next('hello')); // 'hello' becomes the value of that yield
console.log(gen.next('world'));
console.log(gen.return()); // finish it early (Python: gen.close())
console.log(gen.next()); // a finished generator stays finished

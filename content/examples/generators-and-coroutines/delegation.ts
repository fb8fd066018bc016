// yield* delegates to another generator: its yields pass straight through
// to whoever drives us, and its return value becomes the value of yield*.
// Python spells this `yield from`; asyncio's first coroutines were built on it.
type Co<T> = Generator<number, T, number>; // yields a sleep request, receives the time

function* sleep(ms: number): Co<string> {
  const t = yield ms; // the request goes all the way up to the driver
  return `woke at ${t}`;
}

function* fetchPage(url: string): Co<string> {
  const woke = yield* sleep(100); // like: await asyncio.sleep(0.1)
  console.log(`fetchPage ${woke}`);
  return `<html of ${url}>`;
}

function* main(): Co<number> {
  const page = yield* fetchPage('example.com'); // like: page = await fetch_page(...)
  console.log('got', page);
  console.log(`main ${yield* sleep(50)}`);
  return page.length;
}

// The smallest possible driver: answer every request with a fake clock.
let clock = 0;
const co = main();
let step = co.next(0);
while (!step.done) {
  clock += step.value;
  step = co.next(clock);
}
console.log('main returned', step.value);

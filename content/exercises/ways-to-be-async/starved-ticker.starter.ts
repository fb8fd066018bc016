import { blockFor, now } from 'miniloop';

// A progress line every 25 ms while 40 records are parsed (5 ms each).
const ticker = setInterval(() => console.log(`${now()} ms: still alive`), 25);

let done = 0;
function parseNext() {
  blockFor(5); // parse one record
  done++;
  if (done < 40) {
    Promise.resolve().then(parseNext); // "asynchronous", so the ticker gets a turn... or does it?
  } else {
    console.log(`${now()} ms: parsed ${done} records`);
    clearInterval(ticker);
  }
}
Promise.resolve().then(parseNext);

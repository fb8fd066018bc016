import { blockFor, now } from 'miniloop';

// A progress line every 25 ms while 40 records are parsed (5 ms each).
const ticker = setInterval(() => console.log(`${now()} ms: still alive`), 25);

let done = 0;
function parseNext() {
  blockFor(5); // parse one record
  done++;
  if (done < 40) {
    setTimeout(parseNext, 0); // a macrotask: due timers (the ticker) get their turn in between
  } else {
    console.log(`${now()} ms: parsed ${done} records`);
    clearInterval(ticker);
  }
}
setTimeout(parseNext, 0);

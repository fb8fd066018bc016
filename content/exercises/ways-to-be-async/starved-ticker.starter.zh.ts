import { blockFor, now } from 'miniloop';

// 解析 40 条记录（每条 5 ms），同时每 25 ms 报一次进度。
const ticker = setInterval(() => console.log(`${now()} ms：还活着`), 25);

let done = 0;
function parseNext() {
  blockFor(5); // 解析一条记录
  done++;
  if (done < 40) {
    Promise.resolve().then(parseNext); // 这是“异步”的，定时器总能插进来吧？
  } else {
    console.log(`${now()} ms：解析完 ${done} 条记录`);
    clearInterval(ticker);
  }
}
Promise.resolve().then(parseNext);

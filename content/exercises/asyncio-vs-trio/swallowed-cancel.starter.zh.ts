import { now, sleep, timeout, TimeoutError, ValueError } from 'miniloop';

async function fetchWithRetry() {
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      await sleep(300); // 发请求……
      throw new ValueError('connection reset'); // ……今天次次都失败
    } catch (e) {
      console.log(`${now()} ms：第 ${attempt} 次失败（${(e as Error).name}），重试`);
    }
  }
  return '试了 10 次，放弃';
}

try {
  const result = await timeout(1000, fetchWithRetry);
  console.log(`${now()} ms：${result}`);
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log(`${now()} ms：超时`);
}

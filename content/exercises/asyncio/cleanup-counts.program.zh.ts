import { now, sleep, timeout, TimeoutError } from 'miniloop';

async function query() {
  try {
    await sleep(1000); // 一条很慢的查询
  } finally {
    console.log(`${now()} ms：回滚事务`);
    await sleep(50); // 回滚也要跟数据库来回一趟
  }
}

try {
  await timeout(300, query);
} catch (e) {
  if (!(e instanceof TimeoutError)) throw e;
  console.log('捕获到 TimeoutError');
}

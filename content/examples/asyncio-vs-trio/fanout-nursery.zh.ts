import { openNursery, sleep, now, Cancelled, ExceptionGroup, ValueError } from 'miniloop';

async function fetch(name: string, ms: number) {
  try {
    await sleep(ms);
    console.log(`${now()} ms：${name} 完成`);
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${now()} ms：${name} 被取消`);
    throw e;
  }
}

async function broken() {
  await sleep(150);
  throw new ValueError('响应有误');
}

try {
  await openNursery(async (nursery) => {
    nursery.startSoon(fetch, 'a', 100);
    nursery.startSoon(fetch, 'b', 300);
    nursery.startSoon(broken);
  });
} catch (e) {
  if (!(e instanceof ExceptionGroup)) throw e;
  const [first] = e.exceptions as Error[];
  console.log(`${now()} ms：捕获到 ${e.constructor.name}：${first.constructor.name}: ${first.message}`);
}

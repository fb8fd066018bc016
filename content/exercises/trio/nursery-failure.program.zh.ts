import { Cancelled, openNursery, sleep, ValueError } from 'miniloop';

async function worker(name: string, ms: number) {
  try {
    await sleep(ms);
    console.log(`${name} 完成`);
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${name} 被取消`);
    throw e;
  }
}

async function flaky() {
  await sleep(50);
  console.log('flaky 抛出异常');
  throw new ValueError('bad response');
}

try {
  await openNursery(async (nursery) => {
    nursery.startSoon(worker, 'slow', 200);
    nursery.startSoon(flaky);
    nursery.startSoon(worker, 'fast', 20);
    console.log('nursery 代码块结束');
  });
} catch {
  console.log('nursery 抛出了异常');
}

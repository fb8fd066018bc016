import { now, openNursery, sleep } from 'miniloop';

const delays: Record<string, number> = { a: 100, b: 300, c: 200 };

// 并发抓取所有页面，然后返回它们。子任务放在 fetchAll 自己的 nursery 里，
// 所以它返回时子任务已经全部结束。
async function fetchAll(names: string[]): Promise<string[]> {
  const pages: string[] = [];
  await openNursery(async (nursery) => {
    for (const name of names) {
      nursery.startSoon(async () => {
        await sleep(delays[name]);
        console.log(`${now()} ms：抓到 ${name}`);
        pages.push(`page ${name}`);
      });
    }
  });
  return pages;
}

const pages = await fetchAll(['a', 'b', 'c']);
console.log(`${now()} ms：fetchAll 返回了 ${pages.length} 个页面`);

import { now, openNursery, sleep, type Nursery } from 'miniloop';

const delays: Record<string, number> = { a: 100, b: 300, c: 200 };

// 并发抓取所有页面，然后返回它们。
async function fetchAll(nursery: Nursery, names: string[]): Promise<string[]> {
  const pages: string[] = [];
  for (const name of names) {
    nursery.startSoon(async () => {
      await sleep(delays[name]);
      console.log(`${now()} ms：抓到 ${name}`);
      pages.push(`page ${name}`);
    });
  }
  return pages;
}

await openNursery(async (nursery) => {
  const pages = await fetchAll(nursery, ['a', 'b', 'c']);
  console.log(`${now()} ms：fetchAll 返回了 ${pages.length} 个页面`);
});

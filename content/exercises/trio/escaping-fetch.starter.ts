import { now, openNursery, sleep, type Nursery } from 'miniloop';

const delays: Record<string, number> = { a: 100, b: 300, c: 200 };

// Fetch every page concurrently and return them.
async function fetchAll(nursery: Nursery, names: string[]): Promise<string[]> {
  const pages: string[] = [];
  for (const name of names) {
    nursery.startSoon(async () => {
      await sleep(delays[name]);
      console.log(`${now()} ms: fetched ${name}`);
      pages.push(`page ${name}`);
    });
  }
  return pages;
}

await openNursery(async (nursery) => {
  const pages = await fetchAll(nursery, ['a', 'b', 'c']);
  console.log(`${now()} ms: fetchAll returned ${pages.length} pages`);
});

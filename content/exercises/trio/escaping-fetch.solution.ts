import { now, openNursery, sleep } from 'miniloop';

const delays: Record<string, number> = { a: 100, b: 300, c: 200 };

// Fetch every page concurrently and return them. The children live in
// fetchAll's own nursery, so they are all finished when it returns.
async function fetchAll(names: string[]): Promise<string[]> {
  const pages: string[] = [];
  await openNursery(async (nursery) => {
    for (const name of names) {
      nursery.startSoon(async () => {
        await sleep(delays[name]);
        console.log(`${now()} ms: fetched ${name}`);
        pages.push(`page ${name}`);
      });
    }
  });
  return pages;
}

const pages = await fetchAll(['a', 'b', 'c']);
console.log(`${now()} ms: fetchAll returned ${pages.length} pages`);

import { now, openNursery, sleep, type Nursery } from 'miniloop';

const delays: Record<string, number> = { a: 100, b: 300, c: 200 };

// fetchAll keeps its signature; the caller hands it a nursery of its own,
// opened around just this call, and reads the result once that nursery closes.
function fetchAll(nursery: Nursery, names: string[]): string[] {
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

let pages: string[] = [];
await openNursery(async (inner) => {
  pages = fetchAll(inner, ['a', 'b', 'c']);
});
console.log(`${now()} ms: fetchAll returned ${pages.length} pages`);

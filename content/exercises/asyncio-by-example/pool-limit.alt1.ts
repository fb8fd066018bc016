import { gather, now, RuntimeError, sleep } from 'miniloop';

const MAX_CONNECTIONS = 5;
let open = 0;

async function query(id: number) {
  if (open >= MAX_CONNECTIONS) throw new RuntimeError(`too many connections (query ${id})`);
  open++;
  try {
    await sleep(100);
    return `row ${id}`;
  } finally {
    open--;
  }
}

// Five workers, each holding one connection, take ids from a shared list until it is empty.
const ids = Array.from({ length: 20 }, (_, i) => i + 1);
const rows: string[] = [];
let next = 0;
async function worker() {
  while (next < ids.length) {
    const id = ids[next++];
    rows.push(await query(id));
  }
}
await gather(...Array.from({ length: MAX_CONNECTIONS }, () => worker()));
console.log(`${now()} ms: got ${rows.length} rows`);

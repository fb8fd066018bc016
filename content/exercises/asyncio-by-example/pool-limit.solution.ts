import { gather, now, RuntimeError, Semaphore, sleep } from 'miniloop';

// The database accepts at most 5 connections at a time.
const MAX_CONNECTIONS = 5;
let open = 0;

async function query(id: number) {
  if (open >= MAX_CONNECTIONS) throw new RuntimeError(`too many connections (query ${id})`);
  open++;
  try {
    await sleep(100); // the query itself
    return `row ${id}`;
  } finally {
    open--;
  }
}

// At most 5 queries in flight: the others wait for a free slot.
const slots = new Semaphore(MAX_CONNECTIONS);

const ids = Array.from({ length: 20 }, (_, i) => i + 1);
const rows = await gather(...ids.map((id) => () => slots.withLock(() => query(id))));
console.log(`${now()} ms: got ${rows.length} rows`);

import { gather, sleep, now, ValueError } from 'miniloop';

async function fetchPage(id: number, ms: number): Promise<string> {
  await sleep(ms);
  if (id === 3) throw new ValueError(`page ${id} is broken`);
  return `page ${id}`;
}

// Three downloads at once: the total is the slowest, not the sum.
const pages = await gather(() => fetchPage(1, 300), () => fetchPage(2, 100), () => fetchPage(4, 200));
console.log(`${now()} ms:`, pages); // in the order given, not the order finished

// One fails: with returnExceptions the error takes its place in the list.
const results = await gather(() => fetchPage(3, 50), () => fetchPage(5, 100), { returnExceptions: true });
console.log(`${now()} ms:`, results.map((r) => (r instanceof Error ? `${r.name}: ${r.message}` : r)));

// Without it, the first error is raised by gather itself.
try {
  await gather(() => fetchPage(3, 50), () => fetchPage(6, 100));
} catch (e) {
  console.log(`${now()} ms: gather raised ${(e as Error).message}`);
}

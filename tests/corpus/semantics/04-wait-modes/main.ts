import { createTask, wait, sleep, ValueError, FIRST_COMPLETED, FIRST_EXCEPTION, type Future, type Task } from 'miniloop';

async function job(name: string, delay: number, fail = false): Promise<string> {
  await sleep(delay);
  if (fail) {
    throw new ValueError(name);
  }
  return name;
}

function name(t: Future<string>): string {
  return (t as Task<string>).name;
}

function names(tasks: Set<Future<string>>): string {
  return [...tasks].map(name).sort().join(',');
}

async function main() {
  let ts = ([['a', 300], ['b', 100], ['c', 200]] as const).map(([n, d]) => createTask(() => job(n, d), { name: n }));
  let [done, pending] = await wait(ts, { returnWhen: FIRST_COMPLETED });
  console.log(`first completed: done=${names(done)} pending=${names(pending)}`);
  [done, pending] = await wait(ts, { timeout: 150 });
  console.log(`timeout: done=${names(done)} pending=${names(pending)}`);
  [done, pending] = await wait(ts);
  console.log(`all: done=${names(done)} pending=${names(pending)}`);
  ts = ([['d', 100, false], ['e', 200, true], ['f', 400, false]] as const).map(([n, d, f]) => createTask(() => job(n, d, f), { name: n }));
  [done, pending] = await wait(ts, { returnWhen: FIRST_EXCEPTION });
  console.log(`first exception: done=${names(done)} pending=${names(pending)}`);
  for (const t of [...done].sort((x, y) => (name(x) < name(y) ? -1 : 1))) {
    const e = t.exception() as Error | null;
    console.log(`${name(t)} -> ${e ? e.constructor.name + ':' + e.message : t.result()}`);
  }
  await wait([...pending]);
  console.log('rest finished');
}

await main();

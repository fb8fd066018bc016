import { gather, sleep, CancelledError, ValueError } from 'miniloop';

async function job(name: string, delay: number, fail = false): Promise<string> {
  try {
    await sleep(delay);
    if (fail) {
      throw new ValueError(`${name} failed`);
    }
    console.log(`${name} finished`);
    return name.toUpperCase();
  } catch (e) {
    if (e instanceof CancelledError) {
      console.log(`${name} cancelled`);
    }
    throw e;
  }
}

async function main() {
  let rs: unknown[] = await gather(() => job('x', 300), () => job('y', 100), () => job('z', 200));
  console.log('results ' + rs.join(','));
  rs = await gather(() => job('p', 100, true), () => job('q', 200), { returnExceptions: true });
  console.log('with exceptions ' + rs.map((r) => (r instanceof Error ? `${r.constructor.name}:${r.message}` : r)).join(','));
  try {
    await gather(() => job('m', 100, true), () => job('n', 200));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log(`gather raised ${e.constructor.name}: ${e.message}`);
  }
  await sleep(200);
  console.log('end');
}

await main();

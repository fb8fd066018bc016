import { createTask, gather, timeout, sleep, Event, CancelledError } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function main() {
  await timeout(100, async () => {
    try {
      await sleep(1000);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('body swallowed the timeout cancel');
    }
  });
  console.log('no TimeoutError: the block exited normally');
  const event = new Event();

  async function waiter(name: string) {
    const r = await event.wait();
    console.log(`${name} woke, wait returned ${yn(r)}, is_set ${yn(event.isSet())}`);
  }

  const ts = ['w1', 'w2'].map((n) => createTask(() => waiter(n)));
  await sleep(100);
  event.set();
  event.clear();
  console.log('set then clear at once');
  await gather(...ts);
  console.log('end');
}

await main();

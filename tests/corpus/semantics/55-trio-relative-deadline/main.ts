import { CancelScope, moveOnAfter, now, sleep, RuntimeError, ValueError } from 'miniloop';

function yn(b: boolean): string {
  return b ? 'yes' : 'no';
}

async function main() {
  // CancelScope(relative_deadline=...) (trio 0.27): the deadline is set when
  // the scope is entered; an unentered relative scope has no absolute
  // deadline (reading it raises since 0.34).
  const scope = new CancelScope({ relativeDeadline: 300 });
  console.log(`relative ${scope.relativeDeadline}, is_relative ${yn(scope.isRelative === true)}`);
  try {
    void scope.deadline;
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log(`deadline: RuntimeError ${e.message}`);
  }
  await sleep(200);
  await scope.run(async () => {
    console.log(`entered: deadline ${scope.deadline}, relative ${scope.relativeDeadline}, ` +
      `is_relative None ${yn(scope.isRelative === null)}`);
    await sleep(100);
    scope.relativeDeadline = 50;
    console.log(`moved: deadline ${scope.deadline}`);
    await sleep(1000);
    console.log('not reached');
  });
  console.log(`cancelled_caught ${yn(scope.cancelledCaught)}`);
  try {
    new CancelScope({ deadline: 1000, relativeDeadline: 1000 });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log(`ValueError ${e.message}`);
  }
  const absolute = new CancelScope({ deadline: now() + 1000 });
  try {
    void absolute.relativeDeadline;
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    console.log(`RuntimeError ${e.message}`);
  }
  const s = await moveOnAfter(100, async (s) => {
    console.log(`move_on_after: deadline ${s.deadline}`);
    await sleep(1000);
  });
  console.log(`moved on ${yn(s.cancelledCaught)}`);
}

await main();

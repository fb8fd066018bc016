import { failAfter, moveOnAfter, sleep, now, TooSlowError } from 'miniloop';

// with trio.fail_after(0.1): running out raises TooSlowError.
try {
  await failAfter(100, async () => {
    await sleep(300);
  });
} catch (e) {
  if (!(e instanceof TooSlowError)) throw e;
  console.log(`${now()} ms: ${e.constructor.name}`);
}

// move_on_after moves on without an exception; the deadline can be moved.
const start = now();
const scope = await moveOnAfter(100, async (scope) => {
  scope.deadline = now() + 300; // an absolute time, like trio.current_time()
  await sleep(200);
  console.log(`${now() - start} ms later: finished`);
});
console.log(`cancelledCaught = ${scope.cancelledCaught}`);

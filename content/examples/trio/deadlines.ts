import { moveOnAfter, failAfter, moveOnAt, sleep, now, TooSlowError } from 'miniloop';

// move_on_after: give up quietly when time runs out.
const scope = await moveOnAfter(100, async () => {
  await sleep(300);
  console.log('not printed: the deadline came first');
});
console.log(`${now()} ms: moved on, cancelledCaught = ${scope.cancelledCaught}`);

// fail_after: the same deadline, but running out is an error.
try {
  await failAfter(100, async () => {
    await sleep(300);
  });
} catch (e) {
  if (!(e instanceof TooSlowError)) throw e;
  console.log(`${now()} ms: failAfter raised ${e.constructor.name}`);
}

// The At forms take an absolute time instead of a duration.
const deadline = now() + 50;
const fast = await moveOnAt(deadline, async () => {
  await sleep(20);
});
console.log(`${now()} ms: done before ${deadline}, cancelledCaught = ${fast.cancelledCaught}`);

import { moveOnAfter, sleep, now, Cancelled } from 'miniloop';

const scope = await moveOnAfter(100, async () => {
  try {
    await sleep(1000);
  } catch (e) {
    if (!(e instanceof Cancelled)) throw e;
    console.log(`${now()} ms: Cancelled swallowed`);
  }
  try {
    await sleep(100); // still inside the cancelled scope: a checkpoint
    console.log('not printed');
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${now()} ms: the next checkpoint raised Cancelled again`);
    throw e;
  }
});
console.log(`${now()} ms: scope exited, cancelledCaught = ${scope.cancelledCaught}`);

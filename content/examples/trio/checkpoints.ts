import { openNursery, blockFor, checkpoint, now, Cancelled } from 'miniloop';

// Three chunks of CPU work, 60 ms each: blockFor(60) stands in for a busy loop.
async function crunch(name: string, withCheckpoints: boolean) {
  try {
    for (let chunk = 1; chunk <= 3; chunk++) {
      blockFor(60);
      console.log(`${now()} ms: ${name} finished chunk ${chunk}`);
      if (withCheckpoints) await checkpoint(); // trio.lowlevel.checkpoint()
    }
    console.log(`${now()} ms: ${name} ran to the end`);
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${now()} ms: ${name} cancelled at a checkpoint`);
    throw e;
  }
}

await openNursery(async (nursery) => {
  nursery.startSoon(crunch, 'A', false);
  nursery.startSoon(crunch, 'B', true);
  nursery.cancelScope.cancel();
  console.log(`${now()} ms: cancel() called before A or B has run`);
});
console.log(`${now()} ms: nursery closed`);

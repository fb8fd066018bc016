import { moveOnAfter, CancelScope, sleep, now, currentEffectiveDeadline } from 'miniloop';

await moveOnAfter(100, async () => {
  // An inner scope cannot extend the outer deadline: the earliest one wins.
  await moveOnAfter(1000, async () => {
    console.log(`${now()} ms: effective deadline = ${currentEffectiveDeadline()} ms`);
    try {
      await sleep(500);
    } finally {
      console.log(`${now()} ms: cancelled, cleaning up`);
      // Without the shield, this sleep would raise Cancelled at once.
      const shield = new CancelScope({ shield: true });
      await shield.run(async () => {
        await sleep(50); // e.g. tell the server goodbye
        console.log(`${now()} ms: cleanup finished under the shield`);
      });
    }
  });
});
console.log(`${now()} ms: moved on`);

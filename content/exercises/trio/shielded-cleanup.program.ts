import { CancelScope, moveOnAfter, sleep } from 'miniloop';

await moveOnAfter(100, async () => {
  try {
    await sleep(1000); // download a file
  } finally {
    const shield = new CancelScope({ shield: true });
    await shield.run(async () => {
      await sleep(30); // delete the partial file
    });
    await sleep(30); // close the connection politely
  }
});
console.log('moved on');

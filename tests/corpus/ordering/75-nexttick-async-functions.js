// nextTick against await: code after an await runs as a promise job, so ticks it queues
// wait for the microtask queue to empty.
async function worker(name) {
  process.nextTick(() => console.log(`${name}: tick before await`));
  console.log(`${name}: start`);
  await null;
  console.log(`${name}: after await`);
  process.nextTick(() => console.log(`${name}: tick after await`));
  await new Promise((resolve) => process.nextTick(resolve));
  console.log(`${name}: resumed by a tick`);
  await new Promise((resolve) => setImmediate(resolve));
  console.log(`${name}: resumed by an immediate`);
}
setTimeout(async () => {
  const a = worker('a');
  const b = worker('b');
  await Promise.all([a, b]);
  console.log('both done');
}, 1);

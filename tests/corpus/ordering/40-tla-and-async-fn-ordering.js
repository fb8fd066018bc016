// Several async tasks started at top level, awaited in a different order
// than they finish, with timers between.
function sleep(ms, v) {
  return new Promise((r) => setTimeout(() => r(v), ms));
}
async function task(name, ms) {
  console.log(name, 'start');
  await sleep(ms);
  console.log(name, 'woke');
  await null;
  console.log(name, 'end');
  return name;
}
const t1 = task('t1', 60);
const t2 = task('t2', 20);
const t3 = task('t3', 40);
console.log('awaiting t1');
console.log('got', await t1);
console.log('got', await t2);
console.log('got', await t3);
setTimeout(() => console.log('final timer'), 0);
await sleep(20);
console.log('end');

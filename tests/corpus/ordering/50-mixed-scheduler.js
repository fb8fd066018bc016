// A small scheduler: async workers sharing a queue, fed by timers, with
// microtask-level handoffs between them.
const queue = [];
const sleepers = [];
function push(v) {
  queue.push(v);
  const w = sleepers.shift();
  if (w) w();
}
async function worker(name) {
  for (;;) {
    while (queue.length === 0) {
      await new Promise((r) => sleepers.push(r));
    }
    const v = queue.shift();
    if (v === 'stop') {
      console.log(name, 'stops');
      push('stop');
      return;
    }
    console.log(name, 'handles', v);
    await null;
  }
}
const done = Promise.all([worker('w1'), worker('w2')]);
setTimeout(() => {
  push('a');
  push('b');
  push('c');
  console.log('timer 20 pushed a,b,c');
}, 20);
setTimeout(() => {
  push('d');
  push('stop');
  console.log('timer 40 pushed d,stop');
}, 40);
await done;
console.log('all workers stopped');

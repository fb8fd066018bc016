// setTimeout passes extra arguments; a chain of zero-delay timers is not
// clamped in Node (it finishes long before a 100 ms timer); an interval is
// cleared by a microtask queued in its first tick.
setTimeout((a, b) => console.log('args', a, b), 0, 'x', 'y');
let depth = 0;
function chain() {
  depth++;
  console.log('chain', depth);
  if (depth < 8) setTimeout(chain, 0);
}
setTimeout(chain, 0);
setTimeout(() => console.log('100 ms timer, depth', depth), 100);
const iv = setInterval(() => {
  console.log('interval tick');
  queueMicrotask(() => {
    clearInterval(iv);
    console.log('interval cleared from microtask');
  });
}, 0);

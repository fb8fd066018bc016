// clearTimeout of a pending timer, including one due at the same time as
// the timer that clears it; clearing twice or clearing a fired timer is a no-op.
const a = setTimeout(() => console.log('A never'), 20);
clearTimeout(a);
let c;
setTimeout(() => {
  console.log('B fires, clears C');
  clearTimeout(c);
}, 20);
c = setTimeout(() => console.log('C never'), 20);
const d = setTimeout(() => {
  console.log('D fires');
  clearTimeout(d);
}, 20);
clearTimeout(a);
setTimeout(() => console.log('E last'), 40);
console.log('sync');

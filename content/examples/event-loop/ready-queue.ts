import { callSoon } from 'miniloop';

// callSoon puts a callback at the end of the ready queue.
callSoon(() => {
  console.log('A runs (turn 1)');
  callSoon(() => console.log('C runs (turn 2): A scheduled it during turn 1'));
});
callSoon(() => console.log('B runs (turn 1)'));
console.log('main scheduled A and B');

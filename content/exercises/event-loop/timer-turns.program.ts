import { callLater, callSoon } from 'miniloop';

callLater(10, () => {
  console.log('first 10 ms timer');
  callSoon(() => console.log('soon, from the first timer'));
});
const handle = callLater(10, () => console.log('cancelled timer'));
callLater(10, () => console.log('second 10 ms timer'));
callLater(0, () => console.log('0 ms timer'));
callSoon(() => console.log('soon'));
handle.cancel();
console.log('main done');

import { callLater, callSoon, now } from 'miniloop';

callLater(300, () => console.log(`${now()} ms: the 300 ms timer`));
callLater(100, () => console.log(`${now()} ms: the first 100 ms timer`));
callLater(100, () => console.log(`${now()} ms: the second 100 ms timer`));
const never = callLater(200, () => console.log('cancelled: never printed'));
never.cancel();
callSoon(() => console.log(`${now()} ms: callSoon runs before any timer`));
console.log(`${now()} ms: timers set`);

import { blockFor, callLater } from 'miniloop';

callLater(50, () => console.log('timer fired'));
console.log('timer set for 50 ms');
blockFor(200); // a synchronous call: the loop's thread is busy for 200 ms
console.log('blocking call returned');

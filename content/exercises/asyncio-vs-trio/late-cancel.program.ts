import { blockFor, moveOnAfter, sleep } from 'miniloop';

await moveOnAfter(100, async () => {
  await sleep(60); // fetch the data
  blockFor(120); // crunch it, with no checkpoint inside
  console.log('crunched');
  await sleep(10); // save the result
  console.log('saved');
});
console.log('moved on');

import { moveOnAfter, failAfter, moveOnAt, sleep, now, TooSlowError } from 'miniloop';

// move_on_after：时间到了就悄悄放弃。
const scope = await moveOnAfter(100, async () => {
  await sleep(300);
  console.log('不会打印：截止时间先到了');
});
console.log(`${now()} ms：继续往下走，cancelledCaught = ${scope.cancelledCaught}`);

// fail_after：同样的截止时间，但超时算作错误。
try {
  await failAfter(100, async () => {
    await sleep(300);
  });
} catch (e) {
  if (!(e instanceof TooSlowError)) throw e;
  console.log(`${now()} ms：failAfter 抛出了 ${e.constructor.name}`);
}

// At 系列接收的是绝对时间，而不是时长。
const deadline = now() + 50;
const fast = await moveOnAt(deadline, async () => {
  await sleep(20);
});
console.log(`${now()} ms：在 ${deadline} 之前完成，cancelledCaught = ${fast.cancelledCaught}`);

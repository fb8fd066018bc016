import { moveOnAfter, sleep, now, Cancelled } from 'miniloop';

const scope = await moveOnAfter(100, async () => {
  try {
    await sleep(1000);
  } catch (e) {
    if (!(e instanceof Cancelled)) throw e;
    console.log(`${now()} ms：吞掉了 Cancelled`);
  }
  try {
    await sleep(100); // 仍在已取消的作用域里：这是一个检查点
    console.log('不会打印');
  } catch (e) {
    if (e instanceof Cancelled) console.log(`${now()} ms：下一个检查点又抛出了 Cancelled`);
    throw e;
  }
});
console.log(`${now()} ms：离开作用域，cancelledCaught = ${scope.cancelledCaught}`);

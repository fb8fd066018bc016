// 三个步骤，每一步都要用上一步的结果：回调一层套一层。
// 第三步会失败：动态服务挂了。
function step(name: string, input: number, cb: (err: Error | null, out?: number) => void) {
  setTimeout(() => {
    if (name === 'load feed') cb(new Error('动态服务不可用'));
    else cb(null, input + 1);
  }, 100);
}

step('login', 0, (err, user) => {
  if (err) return console.error(err);
  step('load profile', user!, (err, profile) => {
    if (err) return console.error(err);
    step('load feed', profile!, (err, feed) => {
      // 这一层忘了写 `if (err)`：错误就在这里丢了，
      // 谁也不会知道。
      console.log(`回调版：feed = ${feed}`);
    });
  });
});

// 同样的步骤改成 Promise 再 await：代码又平了，一个 try/catch 管全部。
const stepP = (name: string, input: number) =>
  new Promise<number>((resolve, reject) =>
    step(name, input, (err, out) => (err ? reject(err) : resolve(out!))));

try {
  const user = await stepP('login', 0);
  const profile = await stepP('load profile', user);
  const feed = await stepP('load feed', profile);
  console.log(`async/await 版：feed = ${feed}`);
} catch (err) {
  console.log(`async/await 版：捕获到 ${(err as Error).message}`);
}

// Three steps, each needing the previous result: callbacks nest.
// The third step fails: the feed service is down.
function step(name: string, input: number, cb: (err: Error | null, out?: number) => void) {
  setTimeout(() => {
    if (name === 'load feed') cb(new Error('feed service unavailable'));
    else cb(null, input + 1);
  }, 100);
}

step('login', 0, (err, user) => {
  if (err) return console.error(err);
  step('load profile', user!, (err, profile) => {
    if (err) return console.error(err);
    step('load feed', profile!, (err, feed) => {
      // This level forgot its `if (err)` check: the error is dropped here,
      // and nobody ever hears of it.
      console.log(`callbacks: feed = ${feed}`);
    });
  });
});

// The same steps as promises, awaited: flat again, one try/catch for all.
const stepP = (name: string, input: number) =>
  new Promise<number>((resolve, reject) =>
    step(name, input, (err, out) => (err ? reject(err) : resolve(out!))));

try {
  const user = await stepP('login', 0);
  const profile = await stepP('load profile', user);
  const feed = await stepP('load feed', profile);
  console.log(`async/await: feed = ${feed}`);
} catch (err) {
  console.log(`async/await: caught ${(err as Error).message}`);
}

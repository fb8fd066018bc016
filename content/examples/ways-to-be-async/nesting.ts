// Three steps, each needing the previous result: callbacks nest.
function step(name: string, input: number, cb: (err: Error | null, out?: number) => void) {
  setTimeout(() => cb(null, input + 1), 100);
}

step('login', 0, (err, user) => {
  if (err) return console.error(err);
  step('load profile', user!, (err, profile) => {
    if (err) return console.error(err);
    step('load feed', profile!, (err, feed) => {
      if (err) return console.error(err);
      console.log('callbacks: feed =', feed);
    });
  });
});

// The same steps as promises, awaited: flat again.
const stepP = (name: string, input: number) =>
  new Promise<number>((resolve, reject) =>
    step(name, input, (err, out) => (err ? reject(err) : resolve(out!))));

const user = await stepP('login', 0);
const profile = await stepP('load profile', user);
const feed = await stepP('load feed', profile);
console.log('async/await: feed =', feed);

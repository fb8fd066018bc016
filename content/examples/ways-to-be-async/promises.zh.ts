// Promise 是一个占位符，代表一个还没到的结果。
function readFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      if (path.startsWith('/etc/')) resolve(`${path} 的内容`);
      else reject(new Error(`ENOENT：${path}`));
    }, 50);
  });
}

readFile('/etc/hostname')
  .then((text) => text.toUpperCase())
  .then((upper) => console.log(`then：${upper}`))
  .catch((err) => console.log(`catch 捕获：${err.message}`));

const both = await Promise.all([readFile('/etc/a'), readFile('/etc/b')]);
console.log('全部结果', both);

try {
  await readFile('/home/x');
} catch (err) {
  console.log(`await 抛出：${(err as Error).message}`);
}

// A promise is a placeholder for a result that is not there yet.
function readFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      if (path.startsWith('/etc/')) resolve(`contents of ${path}`);
      else reject(new Error(`ENOENT: ${path}`));
    }, 50);
  });
}

readFile('/etc/hostname')
  .then((text) => text.toUpperCase())
  .then((upper) => console.log(`then: ${upper}`))
  .catch((err) => console.log(`caught: ${err.message}`));

const both = await Promise.all([readFile('/etc/a'), readFile('/etc/b')]);
console.log('all:', both);

try {
  await readFile('/home/x');
} catch (err) {
  console.log(`await threw: ${(err as Error).message}`);
}

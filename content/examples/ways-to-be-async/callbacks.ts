// A stand-in for Node's fs.readFile: it answers later, through a callback.
const disk: Record<string, string> = { '/etc/hostname': 'playground' };

function readFile(path: string, callback: (err: Error | null, data?: string) => void) {
  setTimeout(() => {
    if (path in disk) callback(null, disk[path]);
    else callback(new Error(`ENOENT: no such file '${path}'`));
  }, 50);
}

readFile('/etc/hostname', (err, data) => {
  if (err) console.error(err.message);
  else console.log(`read: ${data}`);
});
readFile('/nope', (err, data) => {
  if (err) console.error(err.message);
  else console.log(`read: ${data}`);
});
console.log('both reads started');

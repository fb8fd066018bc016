// 模拟 Node 的 fs.readFile：结果稍后才通过回调送回来。
const disk: Record<string, string> = { '/etc/hostname': 'playground' };

function readFile(path: string, callback: (err: Error | null, data?: string) => void) {
  setTimeout(() => {
    if (path in disk) callback(null, disk[path]);
    else callback(new Error(`ENOENT：没有这个文件 '${path}'`));
  }, 50);
}

readFile('/etc/hostname', (err, data) => {
  if (err) console.error(err.message);
  else console.log(`读到：${data}`);
});
readFile('/nope', (err, data) => {
  if (err) console.error(err.message);
  else console.log(`读到：${data}`);
});
console.log('两次读取都已发起');

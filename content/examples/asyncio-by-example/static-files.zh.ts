// 没有原文路径穿越漏洞的静态文件服务器。原文把请求路径直接拼到 "." 后面，
// 不做任何检查，操作系统再去解析 ".."，于是 "GET /../../etc/passwd"
// 就读到了公开目录之外的文件。
import { http } from 'miniloop';

// 一个虚拟文件系统：公开目录，以及必须保密的文件。
const files: Record<string, string> = {
  '/srv/public/index.html': '<h1>Welcome</h1>',
  '/srv/public/css/site.css': 'body { margin: 0 }',
  '/srv/public/logo.svg': '<svg/>',
  '/srv/app/secret.env': 'DB_PASSWORD=hunter2',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash',
};

// 原文的做法（不要这样写）：直接拼接，让操作系统去解析 ".."。
http.createServer((req) => {
  const body = files[http.normalizePath('/srv/public/' + decodeURIComponent(req.path))];
  return body === undefined ? { status: 404, body: 'Not Found' } : body;
}).listen(8000, 'naive.example');

// 有人在公开目录里留了一个符号链接：leak/index.html 指向机密文件。
const links = { '/srv/public/leak/index.html': '/srv/app/secret.env' };

// 安全的做法：解析路径（连同链接），拼上 index.html 之后的最终路径
// 一旦走出根目录，就拒绝。
http.createServer(http.staticFiles(files, { root: '/srv/public', links })).listen(8000, 'safe.example');

const attack = '/../../etc/passwd';
console.log('照搬原文的服务器，GET', attack, '->', (await http.get('http://naive.example:8000' + attack)).body);

const paths = [
  '/',
  '/css/site.css',
  '/logo.svg',
  attack,
  '/%2e%2e/app/secret.env', // 百分号编码的 ".."
  '/css/..%2f..%2fapp/secret.env', // 编码过的斜杠
  '/leak/', // 这个目录的 index.html 是指向外面的链接
  '/missing.html',
];
for (const path of paths) {
  const res = await http.get('http://safe.example:8000' + path);
  const what = res.ok ? `${res.headers['content-type']}  ${res.body}` : res.body;
  console.log(`安全的服务器，GET ${path} -> ${res.status} ${what}`);
}

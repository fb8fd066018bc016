// A static file server without the article's path-traversal hole. The
// article joined the request path onto "." unchecked; the OS then resolves
// "..", so "GET /../../etc/passwd" reads a file outside the public folder.
import { http } from 'miniloop';

// A virtual file system: the public folder, and files that must stay private.
const files: Record<string, string> = {
  '/srv/public/index.html': '<h1>Welcome</h1>',
  '/srv/public/css/site.css': 'body { margin: 0 }',
  '/srv/public/logo.svg': '<svg/>',
  '/srv/app/secret.env': 'DB_PASSWORD=hunter2',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash',
};

// The article's way (do not do this): join, let the OS resolve "..".
http.createServer((req) => {
  const body = files[http.normalizePath('/srv/public/' + decodeURIComponent(req.path))];
  return body === undefined ? { status: 404, body: 'Not Found' } : body;
}).listen(8000, 'naive.example');

// A symbolic link someone left in the public folder: leak/index.html -> the secret.
const links = { '/srv/public/leak/index.html': '/srv/app/secret.env' };

// The safe way: resolve the path (links included) and refuse anything whose
// final path, index.html appended, leaves the root.
http.createServer(http.staticFiles(files, { root: '/srv/public', links })).listen(8000, 'safe.example');

const attack = '/../../etc/passwd';
console.log('naive server, GET', attack, '->', (await http.get('http://naive.example:8000' + attack)).body);

const paths = [
  '/',
  '/css/site.css',
  '/logo.svg',
  attack,
  '/%2e%2e/app/secret.env', // ".." percent-encoded
  '/css/..%2f..%2fapp/secret.env', // an encoded slash
  '/leak/', // a folder whose index.html is a link that leads out
  '/missing.html',
];
for (const path of paths) {
  const res = await http.get('http://safe.example:8000' + path);
  const what = res.ok ? `${res.headers['content-type']}  ${res.body}` : res.body;
  console.log(`safe server, GET ${path} -> ${res.status} ${what}`);
}

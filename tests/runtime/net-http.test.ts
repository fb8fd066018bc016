/**
 * The simulated HTTP layer (src/runtime/net/http.ts, static-files.ts):
 * timing of a request, concurrency of many clients, routing, errors, and
 * the static-file handler's refusal of path traversal.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

async function run(source: string): Promise<{ out: string[]; result: Awaited<ReturnType<typeof runSource>> }> {
  const result = await runSource(source);
  return { out: result.lines.map((l) => `${l.t} ${l.task}: ${l.text}`), result };
}

describe('http', () => {
  it('a GET costs a round trip to connect, one to ask and answer, plus transfer time', async () => {
    const { out, result } = await run(`
      import { http, now } from 'miniloop';
      http.createServer(() => ({ body: 'x'.repeat(1_000_000) })).listen(80, 'example.com');
      const res = await http.get('http://example.com/big');
      console.log(res.status, res.body.length, res.headers['content-length']);
    `);
    expect(result.problems).toEqual([]);
    // connect 40 + request 20 (+ ~0.005 for 50 bytes) + response 1 MB: 100 on the wire + 20 = 180 (+ header bytes)
    const t = result.lines[0]!.t;
    expect(t).toBeGreaterThanOrEqual(180);
    expect(t).toBeLessThan(180.02);
    expect(out[0]).toMatch(/main: 200 1000000 1000000$/);
  });

  it('100 clients whose requests each take 100 ms of server waiting finish together, not one after another', async () => {
    const { result } = await run(`
      import { http, sleep, createTask, now } from 'miniloop';
      http.createServer(async (req) => { await sleep(100); return 'done'; }).listen(8080, 'api');
      const tasks = [];
      for (let i = 0; i < 100; i++) {
        tasks.push(createTask(async () => (await http.get('http://api:8080/work')).text(), { name: 'client ' + i }));
      }
      const bodies = await Promise.all(tasks);
      console.log(bodies.length, new Set(bodies).size, now());
    `);
    expect(result.problems).toEqual([]);
    const [count, distinct, end] = result.lines[0]!.text.split(' ').map(Number);
    expect([count, distinct]).toEqual([100, 1]);
    // 2 round trips (80 ms) + the handler's 100 ms, all overlapping: ~180 ms, not 100 x 100 ms.
    expect(end).toBeGreaterThanOrEqual(180);
    expect(end).toBeLessThan(181);
    // a lane (task) per server-side connection
    expect(result.tasks.filter((t) => t.name.startsWith('conn 10.0.0.')).length).toBe(100);
  });

  it('routes dispatch on method and path, with params; 404 and 405 otherwise', async () => {
    const { out } = await run(`
      import { http } from 'miniloop';
      const app = http.routes({
        'GET /': () => http.html('<h1>Index</h1>'),
        'GET /hello/:name': (req) => http.html('<h1>Hello, ' + req.params.name + '!</h1>'),
        'POST /echo': (req) => http.json({ got: req.json(), q: req.query }),
      });
      http.createServer(app).listen(8080, 'site');
      for (const [m, path] of [['GET', '/'], ['GET', '/hello/Ann%20Lee'], ['GET', '/nope'], ['DELETE', '/hello/x']]) {
        const r = await http.request('http://site:8080' + path, { method: m });
        console.log(m, path, r.status, r.headers['content-type'], r.body);
      }
      const r = await http.post('http://site:8080/echo?a=1&b=two%20words', { n: 1 });
      console.log(r.status, r.body);
    `);
    expect(out.map((l) => l.replace(/^[\d.]+ main: /, ''))).toEqual([
      'GET / 200 text/html; charset=utf-8 <h1>Index</h1>',
      'GET /hello/Ann%20Lee 200 text/html; charset=utf-8 <h1>Hello, Ann Lee!</h1>',
      'GET /nope 404 text/plain; charset=utf-8 Not Found',
      'DELETE /hello/x 405 text/plain; charset=utf-8 Method Not Allowed',
      '200 {"got":{"n":1},"q":{"a":"1","b":"two words"}}',
    ]);
  });

  it('a handler that throws answers 500 and the server keeps serving', async () => {
    const { out } = await run(`
      import { http } from 'miniloop';
      http.createServer(http.routes({
        'GET /boom': () => { throw new Error('boom'); },
        'GET /ok': async () => 'fine',
        'GET /none': () => undefined,
      })).listen(80, 's');
      for (const p of ['/boom', '/ok', '/none']) console.log(p, (await http.get('http://s' + p)).status);
    `);
    expect(out.map((l) => l.replace(/^[\d.]+ /, ''))).toEqual([
      'conn 10.0.0.2:50000: Error handling request GET /boom: Error: boom',
      'main: /boom 500',
      'main: /ok 200',
      'conn 10.0.0.2:50002: Error handling request GET /none: TypeError: a handler must return a response object or a string, not undefined',
      'main: /none 500',
    ]);
  });

  it('GET to a host nobody listens at rejects with ConnectionRefusedError', async () => {
    const { out } = await run(`
      import { http } from 'miniloop';
      try { await http.get('http://localhost:8080/'); } catch (e) { console.log(e.name, e.message); }
    `);
    expect(out).toEqual(['40 main: ConnectionRefusedError connect localhost:8080: connection refused (nobody listens there)']);
  });

  it('path traversal attempts are refused; files under the root are served with a content type', async () => {
    const { out } = await run(`
      import { http } from 'miniloop';
      const files = {
        '/srv/public/index.html': '<h1>home</h1>',
        '/srv/public/css/site.css': 'body{}',
        '/srv/public/docs/readme.txt': 'read me',
        '/srv/secret.txt': 'TOP SECRET',
        '/etc/passwd': 'root:x:0:0',
      };
      http.createServer(http.staticFiles(files, { root: '/srv/public' })).listen(80, 'files');
      const paths = [
        '/', '/css/site.css', '/docs/../css/site.css', '/docs/',
        '/../secret.txt', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/css/%2E%2E/%2E%2E/secret.txt',
        '/..%2f..%2fetc%2fpasswd', '/..\\\\..\\\\etc\\\\passwd', '//etc/passwd', '/%252e%252e/secret.txt',
        '/index.html%00.txt', '/%E0%A4%A', '/missing.png',
      ];
      for (const p of paths) {
        const r = await http.get('http://files' + p);
        console.log(p, r.status, r.status === 200 ? r.headers['content-type'] + ' ' + r.body : r.body);
      }
    `);
    expect(out.map((l) => l.replace(/^[\d.]+ main: /, ''))).toEqual([
      '/ 200 text/html; charset=utf-8 <h1>home</h1>',
      '/css/site.css 200 text/css; charset=utf-8 body{}',
      '/docs/../css/site.css 200 text/css; charset=utf-8 body{}',
      '/docs/ 404 Not Found',
      '/../secret.txt 403 Forbidden',
      '/../../etc/passwd 403 Forbidden',
      '/%2e%2e/%2e%2e/etc/passwd 403 Forbidden',
      '/css/%2E%2E/%2E%2E/secret.txt 403 Forbidden',
      '/..%2f..%2fetc%2fpasswd 403 Forbidden',
      '/..\\..\\etc\\passwd 403 Forbidden',
      '//etc/passwd 404 Not Found',
      '/%252e%252e/secret.txt 404 Not Found',
      '/index.html%00.txt 400 Bad Request',
      '/%E0%A4%A 400 Bad Request',
      '/missing.png 404 Not Found',
    ]);
    expect(out.join('\n')).not.toContain('TOP SECRET');
    expect(out.join('\n')).not.toContain('root:x');
  });

  it('the naive join the article used does leak files (why the check matters)', async () => {
    const { out } = await run(`
      import { http } from 'miniloop';
      const files = { '/srv/public/index.html': 'home', '/etc/passwd': 'root:x:0:0' };
      // article: full_path = os.path.join('.', path.strip('/')) and the OS resolves '..'
      http.createServer((req) => {
        const body = files[http.normalizePath('/srv/public/' + decodeURIComponent(req.path))];
        return body === undefined ? { status: 404 } : body;
      }).listen(80, 'naive');
      console.log((await http.get('http://naive/../../etc/passwd')).body);
    `);
    expect(out[0]).toMatch(/main: root:x:0:0$/);
  });

  it('the timeline says what the client waits on', async () => {
    const { result } = await run(`
      import { http } from 'miniloop';
      http.createServer(() => 'hi').listen(80, 'example.com');
      await http.get('http://example.com/index.html');
    `);
    const waits = result.trace.filter((e) => e.kind === 'wait' && e.task === 1).map((e) => (e.detail as { on: { what: string } }).on.what);
    expect(waits).toContain('connect example.com:80');
    expect(waits).toContain('GET /index.html');
  });

  it('a client can give up on a slow server (waitFor, cancel); the server is not stalled by it', async () => {
    const { out, result } = await run(`
      import { http, sleep, waitFor, createTask, now } from 'miniloop';
      http.createServer(async (req) => { await sleep(req.path === '/slow' ? 1000 : 0); return req.path; }).listen(80, 's');
      await waitFor(http.get('http://s/slow'), 100).catch((e) => console.log(e.name, now()));
      const t = createTask(() => http.get('http://s/slow'), { name: 'getter' });
      await sleep(50);
      t.cancel();
      await t.catch((e) => console.log(e.name, now()));
      console.log((await http.get('http://s/fast')).body, Math.round(now()));
    `);
    expect(result.problems).toEqual([]);
    expect(out.map((l) => l.replace(/^[\d.]+ main: /, ''))).toEqual(['TimeoutError 100', 'CancelledError 150', '/fast 230']);
  });

  it('a session reuses connections (no connect round trip) and limits connections in use', async () => {
    const { out, result } = await run(`
      import { http, sleep, now, createTask } from 'miniloop';
      http.createServer(async (req) => { if (req.path === '/slow') await sleep(100); return 'ok'; }).listen(80, 'api');
      const session = http.createSession({ limit: 2 });
      let t = now();
      for (let i = 0; i < 3; i++) { await session.get('http://api/'); console.log('request', i, Math.round(now() - t)); t = now(); }
      t = now();
      const tasks = [];
      for (let i = 0; i < 6; i++) tasks.push(createTask(() => session.get('http://api/slow'), { name: 'c' + i }));
      await Promise.all(tasks);
      console.log('6 slow requests, 2 connections:', Math.round(now() - t));
      session.close();
      await session.get('http://api/').catch((e) => console.log(e.name));
    `);
    expect(result.problems).toEqual([]);
    // first request connects (80 ms), the next reuse the connection (40 ms); then 3 rounds of 140 ms
    // (one connection is idle and reused, the other is opened: the first round costs 180).
    expect(out.map((l) => l.replace(/^[\d.]+ main: /, ''))).toEqual([
      'request 0 80',
      'request 1 40',
      'request 2 40',
      '6 slow requests, 2 connections: 460',
      'ConnectionClosedError',
    ]);
    const waits = result.trace.filter((e) => e.kind === 'wait').map((e) => (e.detail as { on: { what: string } }).on.what);
    expect(waits).toContain('http connection limit');
  });
});

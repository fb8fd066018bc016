/**
 * The simulated static file server (src/runtime/net/static-files.ts) with
 * symbolic links: the containment check is made on the real, final path, after
 * a folder's index.html was appended, so a link that leads out of the root is
 * refused wherever it sits (issue 19.2; the Python twin's check is
 * tests/examples/aiohttp-twins.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { realPath, staticFiles } from '../../src/runtime/net/static-files.ts';
import type { HttpRequest } from '../../src/runtime/net/http-types.ts';

const files = {
  '/srv/public/index.html': '<h1>Welcome</h1>',
  '/srv/public/docs/guide.txt': 'guide',
  '/srv/public/shared/readme.txt': 'readme',
  '/srv/app/secret.env': 'DB_PASSWORD=hunter2',
  '/etc/passwd': 'root:x:0:0',
};
const links = {
  '/srv/public/leak/index.html': '/srv/app/secret.env', // a folder whose index.html leads out
  '/srv/public/passwd.txt': '../../etc/passwd', // a relative link that leads out
  '/srv/public/app': '/srv/app', // a linked folder outside the root
  '/srv/public/latest': 'docs', // a linked folder inside the root: allowed
  '/srv/public/loop': 'loop2',
  '/srv/public/loop2': 'loop',
};
const serve = staticFiles(files, { root: '/srv/public', links });
const get = (path: string) => {
  const res = serve({ method: 'GET', path } as HttpRequest) as { status: number; body: string };
  return `${res.status} ${res.body}`;
};

describe('static files with symbolic links', () => {
  it('refuses every link that leads out of the root, including a folder index.html', () => {
    expect(get('/leak/')).toBe('403 Forbidden');
    expect(get('/leak')).toBe('403 Forbidden');
    expect(get('/leak/index.html')).toBe('403 Forbidden');
    expect(get('/passwd.txt')).toBe('403 Forbidden');
    expect(get('/app/secret.env')).toBe('403 Forbidden');
    expect(get('/loop')).toBe('403 Forbidden');
  });

  it('serves files and links that stay inside the root', () => {
    expect(get('/')).toBe('200 <h1>Welcome</h1>');
    expect(get('/latest/guide.txt')).toBe('200 guide');
    expect(get('/shared/readme.txt')).toBe('200 readme');
    expect(get('/latest/missing.txt')).toBe('404 Not Found');
  });

  it('realPath follows links segment by segment, relative to the link folder', () => {
    const map = new Map(Object.entries(links));
    expect(realPath('/srv/public/latest/guide.txt', map)).toBe('/srv/public/docs/guide.txt');
    expect(realPath('/srv/public/passwd.txt', map)).toBe('/etc/passwd');
    expect(realPath('/srv/public/app/../x', map)).toBe('/srv/public/x'); // lexical "..", as the request path was resolved
    expect(realPath('/srv/public/loop', map)).toBeNull();
  });
});

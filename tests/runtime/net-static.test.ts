/**
 * The path check of the static-file handler (src/runtime/net/static-files.ts),
 * tested directly: no request path, however encoded, resolves outside the root.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentType, normalizePath, resolveUnder } from '../../src/runtime/net/static-files.ts';

const ROOT = '/srv/public';
const pieces = ['..', '.', '', 'a', 'b.txt', 'etc', 'passwd', '%2e%2e', '%2E%2e', '%2e', '%2f', '%5c', '\\', '..\\..', '%252e%252e', '%00', '%', 'ü', '%C3%BC'];

describe('resolveUnder', () => {
  it('never leaves the root, whatever the segments and encodings', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (segments) => {
        const where = resolveUnder(ROOT, `/${segments.join('/')}`);
        if ('path' in where) {
          expect(where.path === ROOT || where.path.startsWith(`${ROOT}/`)).toBe(true);
          expect(where.path.split('/')).not.toContain('..');
        } else {
          expect([400, 403]).toContain(where.status);
        }
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('refuses climbing out (403), malformed encodings and NUL (400); allows ".." that stays inside', () => {
    expect(resolveUnder(ROOT, '/../etc/passwd')).toEqual({ status: 403 });
    expect(resolveUnder(ROOT, '/a/%2e%2e/%2e%2e/x')).toEqual({ status: 403 });
    expect(resolveUnder(ROOT, '/a%2f..%2f..%2fx')).toEqual({ status: 403 });
    expect(resolveUnder(ROOT, '/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveUnder(ROOT, '/a%00.txt')).toEqual({ status: 400 });
    expect(resolveUnder(ROOT, '/a/../b.txt')).toEqual({ path: '/srv/public/b.txt' });
    expect(resolveUnder(ROOT, '//etc/passwd')).toEqual({ path: '/srv/public/etc/passwd' });
    expect(resolveUnder('/', '/x/./y/')).toEqual({ path: '/x/y' });
  });
});

describe('normalizePath', () => {
  it('resolves like the OS (and so is not a safety check by itself)', () => {
    expect(normalizePath('/srv/public/../../etc/passwd')).toBe('/etc/passwd');
    expect(normalizePath('/../../a//b/./c/')).toBe('/a/b/c');
    fc.assert(fc.property(fc.array(fc.constantFrom('..', '.', '', 'a', 'b'), { maxLength: 10 }), (s) => {
      const once = normalizePath(`/${s.join('/')}`);
      expect(normalizePath(once)).toBe(once);
    }), { seed: 7 });
  });
});

describe('contentType', () => {
  it('guesses from the extension, case-insensitively, with a safe default', () => {
    expect(contentType('/a/index.HTML')).toBe('text/html; charset=utf-8');
    expect(contentType('logo.svg')).toBe('image/svg+xml');
    expect(contentType('/archive.tar.zip')).toBe('application/zip');
    expect(contentType('/.bashrc')).toBe('application/octet-stream');
    expect(contentType('/Makefile')).toBe('application/octet-stream');
  });
});

import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { measurePages } from '../../scripts/size.mjs';

const fixture = join(import.meta.dirname, 'fixtures/size-site');

test('size counts classic, module, modulepreload, static imports and inline scripts, not dynamic imports or JSON', () => {
  const [page] = measurePages(fixture, '/base/');
  expect(page!.page).toBe('en/index.html');
  expect(page!.files.sort()).toEqual(['_astro/entry.js', '_astro/shared.js', '_astro/side.js', 'boot.js']);
  const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  const expected =
    ['boot.js', '_astro/entry.js', '_astro/shared.js', '_astro/side.js'].reduce((sum, f) => sum + gz(readFileSync(join(fixture, f))), 0) +
    gz('console.log("inline")');
  expect(page!.gzip).toBe(expected);
});

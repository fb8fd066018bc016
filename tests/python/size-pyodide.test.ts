/**
 * `npm run size`'s Python part (scripts/size.mjs): it reports the Pyodide
 * files of a build and names every page that would load one before
 * interaction (a script or preload pointing into pyodide/). The browser proof
 * that no article page requests one before a click is tests/browser/python.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurePages, pagesLoadingPyodide, pyodideFootprint } from '../../scripts/size.mjs';

function site(pages: Record<string, string>, pyodide: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'size-pyodide-'));
  for (const [path, text] of Object.entries({ ...pages, ...Object.fromEntries(Object.entries(pyodide).map(([f, t]) => [`pyodide/${f}`, t])) })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('size: the Pyodide files', () => {
  it('lists them with their bytes, largest first', () => {
    const dir = site({ 'en/index.html': '<p>hi</p>' }, { 'pyodide.asm.wasm': 'x'.repeat(300), 'pyodide.mjs': 'y'.repeat(20) });
    const rows = pyodideFootprint(dir);
    expect(rows.map((r) => [r.file, r.bytes])).toEqual([['pyodide/pyodide.asm.wasm', 300], ['pyodide/pyodide.mjs', 20]]);
    expect(rows[0]!.gzip).toBeGreaterThan(0);
  });

  it('names the pages that load or preload one before interaction, and only those', () => {
    const dir = site(
      {
        'en/quiet/index.html': '<button data-py-run>Run Python</button><script type="module" src="/_astro/twin.js"></script>',
        '_astro/twin.js': 'addEventListener("click", () => import("./lazy.js"));',
        '_astro/lazy.js': 'export const url = "pyodide/pyodide.mjs";',
        'en/eager/index.html': '<link rel="preload" href="/pyodide/pyodide.asm.wasm" as="fetch"><p>x</p>',
        'en/script/index.html': '<script type="module" src="/pyodide/pyodide.mjs"></script>',
      },
      { 'pyodide.mjs': 'export {};', 'pyodide.asm.wasm': 'w' },
    );
    const found = pagesLoadingPyodide(dir, measurePages(dir));
    expect(found).toEqual([
      { page: 'en/eager/index.html', refs: ['/pyodide/pyodide.asm.wasm'] },
      { page: 'en/script/index.html', refs: ['/pyodide/pyodide.mjs', 'pyodide/pyodide.mjs'] },
    ]);
  });
});

/**
 * The Pyodide files the site serves (src/python/pyodide-files.mjs): what the
 * worker loads is all there, byte for byte the package's, under pyodide/ of
 * the build output.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPyodideFiles, PYODIDE_DIR, PYODIDE_FILES, pyodideFiles, pyodidePackageDir } from '../../src/python/pyodide-files.mjs';

describe('pyodide files in the build output', () => {
  it('copies the loader, the interpreter, the standard library and the lock file, unchanged', () => {
    const out = mkdtempSync(join(tmpdir(), 'pyodide-files-'));
    const bytes = copyPyodideFiles(out);
    let sum = 0;
    for (const file of PYODIDE_FILES) {
      const copied = readFileSync(join(out, PYODIDE_DIR, file));
      expect(copied.equals(readFileSync(join(pyodidePackageDir(), file))), file).toBe(true);
      sum += statSync(join(out, PYODIDE_DIR, file)).size;
    }
    expect(bytes).toBe(sum);
    // The version the worker expects: the loader and the interpreter come from one package.
    expect(JSON.parse(readFileSync(join(pyodidePackageDir(), 'package.json'), 'utf8')).version).toBe('314.0.8');
  });

  it('is an Astro integration with a build hook and a dev-server hook', () => {
    const integration = pyodideFiles();
    expect(Object.keys(integration.hooks).sort()).toEqual(['astro:build:done', 'astro:config:setup']);
  });
});

/**
 * src/python/module-text.ts: an ES module's text evaluated as a function, its
 * exports returned, its import.meta.url the given URL. On Pyodide's own two
 * files: the loader's exports are there, and the interpreter module parses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleFromText } from '../../src/python/module-text.ts';
import { pyodidePackageDir } from '../../src/python/pyodide-files.mjs';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('ES module text evaluated in a classic worker', () => {
  it('returns named and default exports, renamed ones under their exported name, and sees its URL', async () => {
    const named = await moduleFromText(bytes('const a = 1, b = () => import.meta.url;\nexport { a, b as where };\n//# sourceMappingURL=x.map\n'), 'https://site/x.mjs');
    expect(named.a).toBe(1);
    expect((named.where as () => string)()).toBe('https://site/x.mjs');
    const dflt = await moduleFromText(bytes('async function make() { return 42; }\nexport default make;\n'), 'https://site/y.mjs');
    expect(await (dflt.default as () => Promise<number>)()).toBe(42);
  });

  it('turns Pyodide\'s loader into its exports (loadPyodide, version)', async () => {
    const dir = pyodidePackageDir();
    // The file's own bytes: Node 24's readFileSync may hand back a view on a larger ArrayBuffer.
    const file = readFileSync(join(dir, 'pyodide.mjs'));
    const loader = await moduleFromText(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer, 'https://site/pyodide/pyodide.mjs');
    expect(typeof loader.loadPyodide).toBe('function');
    expect(loader.version).toBe(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
  });
});

/**
 * The CLI compiles with the native esbuild, the browser with esbuild-wasm
 * (src/compiler/node.ts). Both must be the same version and give the same
 * program: every corpus program and every example is compiled with both and
 * the results (code, source map, or errors) compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { compileNative } from '../../src/cli/esbuild.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function programs(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

describe('native esbuild and esbuild-wasm', { timeout: 600_000 }, () => {
  it('are the same version', () => {
    expect(version('esbuild')).toBe(version('esbuild-wasm'));
  });

  it('compile every corpus program and example to the same code and map', async () => {
    const files = [...programs('tests/corpus'), ...programs('content/examples')];
    expect(files.length).toBeGreaterThan(150);
    // A program with a compile error compares its errors too.
    const sources = files.map((file) => ({ file, source: readFileSync(join(ROOT, file), 'utf8') }));
    sources.push({ file: 'broken.ts', source: 'const a = 1;\nlet b: number = ;\n' });
    const differ: string[] = [];
    for (const { file, source } of sources) {
      const [native, wasm] = [await compileInNode(source, file, 'native'), await compileInNode(source, file, 'wasm')];
      if (JSON.stringify(native) !== JSON.stringify(wasm)) differ.push(file);
    }
    expect(differ).toEqual([]);
  });

  it("the CLI's own loading of esbuild (src/cli/esbuild.ts, with require) compiles the examples as compileInNode does", async () => {
    const files = [...programs('examples'), ...programs('content/examples').slice(0, 20)];
    const differ: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      if (JSON.stringify(await compileNative(source, file)) !== JSON.stringify(await compileInNode(source, file))) differ.push(file);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(differ).toEqual([]);
  });
});

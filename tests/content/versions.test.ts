/**
 * The claimed versions and the versions the corpora were generated with are
 * stated once (src/lib/versions.ts, shown on the Reference page); the other
 * places that name them say the same, and every semantics-corpus
 * expected.json records exactly those versions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMED_VERSIONS as V, CORPUS_VERSIONS as C } from '../../src/lib/versions.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const SEM = join(ROOT, 'tests/corpus/semantics');

interface Expected {
  flavor: 'asyncio' | 'trio';
  python: string;
  interpreter?: string;
  lib?: string;
  also?: Record<string, string>;
}
const cases = readdirSync(SEM, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => [d.name, JSON.parse(readFileSync(join(SEM, d.name, 'expected.json'), 'utf8')) as Expected] as const);

describe('claimed versions', () => {
  it('docs/versions.md claims the versions of src/lib/versions.ts', () => {
    const doc = read('docs/versions.md');
    expect(doc).toContain(`**CPython ${V.cpython}**`);
    expect(doc).toContain(`**trio ${V.trio}**`);
    expect(doc).toContain(`**Node ${V.node.join(' and Node ')}**`);
  });

  it("the runtime's README claims them", () => {
    const readme = read('src/runtime/README.md');
    expect(readme).toContain(`CPython ${V.cpython}'s asyncio, trio ${V.trio} (strict exception groups) and Node ${V.node.join(' and ')}`);
  });

  it('the Reference page shows them in both languages', () => {
    for (const lang of ['en', 'zh']) expect(read(`content/${lang}/reference.mdx`)).toContain('<Versions />');
  });

  it('the corpora were generated with the claimed lines', () => {
    expect(C.asyncio.python.startsWith(`${V.cpython}.`)).toBe(true);
    expect(C.trio.trio.startsWith(`${V.trio}.`)).toBe(true);
    expect(V.node).toContain(C.node.generated.split('.')[0]);
    expect(V.node).toContain(C.node.checked.split('.')[0]);
  });
});

describe('versions the corpora were generated with', () => {
  it('every asyncio program of the semantics corpus was generated on them, and also run on the older CPython', () => {
    const asyncio = cases.filter(([, e]) => e.flavor === 'asyncio');
    expect(asyncio.length).toBeGreaterThan(25);
    for (const [name, e] of asyncio) {
      expect({ name, python: e.python, interpreter: e.interpreter, also: Object.keys(e.also ?? {}) })
        .toEqual({ name, python: C.asyncio.python, interpreter: C.asyncio.interpreter, also: [C.asyncioAlso] });
    }
  });

  it('every trio program was generated on the claimed trio, and also run on the older one', () => {
    const trio = cases.filter(([, e]) => e.flavor === 'trio');
    expect(trio.length).toBeGreaterThan(15);
    for (const [name, e] of trio) {
      expect({ name, python: e.python, lib: e.lib, also: Object.keys(e.also ?? {}) })
        .toEqual({ name, python: C.trio.python, lib: `trio ${C.trio.trio}`, also: [C.trioAlso] });
    }
  });

  it('docs/versions.md lists exactly the cases whose output differs on the older versions', () => {
    const doc = read('docs/versions.md');
    const differing = cases.filter(([, e]) => Object.values(e.also ?? {}).some((v) => v !== 'same')).map(([n]) => n);
    const listed = [...doc.matchAll(/^\| (\d\d-[a-z0-9-]+) \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(differing.sort());
  });

  it('docs/versions.md, the corpus README and the runtime README name the exact versions', () => {
    for (const file of ['docs/versions.md', 'tests/corpus/semantics/README.md', 'src/runtime/README.md']) {
      const text = read(file);
      expect(text, file).toContain(`CPython ${C.asyncio.python} (${C.asyncio.interpreter})`);
      expect(text, file).toContain(`trio ${C.trio.trio}`);
    }
    const doc = read('docs/versions.md');
    expect(doc).toContain(`Node ${C.node.generated}`);
    expect(doc).toContain(`Node ${C.node.checked}`);
    expect(doc).toContain(C.asyncioAlso);
  });
});

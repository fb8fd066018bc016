// The declarations the editor gets for "miniloop" (scripts/dts.mjs): every
// example type-checks against them exactly as Monaco resolves the module
// (node_modules/miniloop/index.d.ts, NodeJs resolution, strict), a wrong call
// is an error, and the doc comments (the editor's hover help) are kept.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateDeclarations } from '../../scripts/dts.mjs';
import { editorTypeCheck } from './editor-typecheck.ts';
import { PROGRAM_GLOBALS } from '../../src/contract/program.ts';
import { DECLARED_GLOBALS, LANGUAGE_GLOBALS, PROGRAM_GLOBALS_DTS } from '../../src/playground/program-globals.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'content/examples');
let files: Record<string, string>;

beforeAll(() => {
  files = generateDeclarations();
}, 60_000);

/** Type-checks `source` as the editor does (tests/playground/editor-typecheck.ts). */
const check = (source: string): string[] => editorTypeCheck(source, files);

describe('miniloop declarations', () => {
  test('index.d.ts and the layers it re-exports are generated', () => {
    expect(Object.keys(files)).toContain('index.d.ts');
    expect(files['index.d.ts']).toContain("from './time.js'");
    expect(files['index.d.ts']).not.toMatch(/from '\.[^']*\.ts'/);
  });
  test('doc comments are kept (hover help)', () => {
    expect(files['time.d.ts']).toMatch(/\/\*\*[\s\S]*?\*\/\s*export declare function sleep/);
  });
  const examples = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  test.each(examples)('%s type-checks', (file) => {
    expect(check(readFileSync(join(EXAMPLES, file), 'utf8'))).toEqual([]);
  }, 60_000);
  test('the editor declares exactly the globals the runner installs (src/runtime/globals.ts), not the DOM', () => {
    expect([...DECLARED_GLOBALS, ...LANGUAGE_GLOBALS].sort()).toEqual([...PROGRAM_GLOBALS].sort());
    for (const name of DECLARED_GLOBALS) expect(PROGRAM_GLOBALS_DTS).toMatch(new RegExp(`declare (var|function) ${name}\\b`));
    const errors = check("console.log(1); setTimeout(() => {}, 5); performance.now();\ndocument.title;\nfetch('x');\n");
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'fetch'/);
    expect(errors).toHaveLength(2);
  }, 60_000);
  test('a wrong call is an error', () => {
    const errors = check("import { sleep } from 'miniloop';\nawait sleep('soon');\n");
    expect(errors.join('\n')).toMatch(/not assignable to parameter of type 'number'/);
  }, 60_000);
});

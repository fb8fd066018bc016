// The declarations the editor gets for "miniloop" (scripts/dts.mjs): every
// example type-checks against them exactly as Monaco resolves the module
// (node_modules/miniloop/index.d.ts, NodeJs resolution, strict), a wrong call
// is an error, and the doc comments (the editor's hover help) are kept.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateDeclarations } from '../../scripts/dts.mjs';
import { PROGRAM_GLOBALS } from '../../src/contract/program.ts';
import { DECLARED_GLOBALS, LANGUAGE_GLOBALS, PROGRAM_GLOBALS_DTS } from '../../src/playground/program-globals.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'content/examples');
let files: Record<string, string>;

beforeAll(() => {
  files = generateDeclarations();
}, 60_000);

/** Type-checks `source` as /main.ts with the declarations under /node_modules/miniloop (Monaco's setup). */
function check(source: string): string[] {
  const virtual = new Map<string, string>([
    ['/main.ts', source],
    ['/node_modules/@types/miniloop-globals/index.d.ts', PROGRAM_GLOBALS_DTS],
  ]);
  for (const [path, text] of Object.entries(files)) virtual.set(`/node_modules/miniloop/${path}`, text);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    // Every program is a module (the compiler wraps it; top-level await works without imports).
    moduleDetection: ts.ModuleDetectionKind.Force,
    // As in the editor (src/playground/monaco.ts): the language, and the runner's globals, not the DOM.
    lib: ['lib.esnext.d.ts'],
    types: ['miniloop-globals'],
    typeRoots: ['/node_modules/@types'],
  };
  const host = ts.createCompilerHost(options);
  const realGet = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (virtual.has(name) ? ts.createSourceFile(name, virtual.get(name)!, version) : realGet(name, version));
  host.fileExists = (name) => virtual.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => virtual.get(name) ?? ts.sys.readFile(name);
  host.directoryExists = (name) => [...virtual.keys()].some((k) => k.startsWith(`${name}/`)) || ts.sys.directoryExists(name);
  host.getCurrentDirectory = () => '/';
  host.getDefaultLibLocation = () => dirname(ts.getDefaultLibFilePath(options));
  const program = ts.createProgram(['/main.ts', '/node_modules/@types/miniloop-globals/index.d.ts'], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile('/main.ts'))
    .map((d) => `${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

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

// Every exercise program (content/exercises/<page>/*.ts: programs, starters, solutions, alternatives, zh
// variants) type-checks in the editor's setup, as tests/playground/dts.test.ts holds for the examples (whose
// checker this copies): a reader opening a starter sees no red squiggle that is not the exercise's bug.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateDeclarations } from '../../scripts/dts.mjs';
import { PROGRAM_GLOBALS_DTS } from '../../src/playground/program-globals.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXERCISES = join(ROOT, 'content/exercises');
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

const programs = readdirSync(EXERCISES, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.parentPath !== EXERCISES)
  .map((e) => join(e.parentPath, e.name).slice(EXERCISES.length + 1))
  .sort();

describe('exercise programs type-check as the editor checks them', () => {
  test('there are programs to check, and the checker sees a wrong call', () => {
    expect(programs.length).toBeGreaterThan(0);
    expect(check("import { sleep } from 'miniloop';\nawait sleep('soon');")).toHaveLength(1);
  });
  test.each(programs)('%s', (name) => {
    expect(check(readFileSync(join(EXERCISES, name), 'utf8'))).toEqual([]);
  });
});

// The editor's type check, in Node: a source checked as /main.ts against the
// generated "miniloop" declarations (scripts/dts.mjs) and the runner's globals,
// with the options Monaco uses (src/playground/monaco.ts). Shared by
// tests/playground/dts.test.ts (examples) and tests/exercises/dts.test.ts (exercise programs).
import { dirname } from 'node:path';
import ts from 'typescript';
import { PROGRAM_GLOBALS_DTS } from '../../src/playground/program-globals.ts';

/** Type-checks `source` as /main.ts with `declarations` under /node_modules/miniloop; returns "offset: message" per error. */
export function editorTypeCheck(source: string, declarations: Record<string, string>): string[] {
  const virtual = new Map<string, string>([
    ['/main.ts', source],
    ['/node_modules/@types/miniloop-globals/index.d.ts', PROGRAM_GLOBALS_DTS],
  ]);
  for (const [path, text] of Object.entries(declarations)) virtual.set(`/node_modules/miniloop/${path}`, text);
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

/** The compiler: module syntax, errors at the reader's lines, helper replacement, stack mapping. */
import { describe, expect, it } from 'vitest';
import { replaceHelpers } from '../../src/compiler/compile.ts';
import { stripModuleSyntax } from '../../src/compiler/module-syntax.ts';
import { compileInNode } from '../../src/compiler/node.ts';
import { outputOf, runSource } from './run-source.ts';

describe('module syntax', () => {
  it('blanks imports and exports, keeping every line and column', () => {
    const src = 'import { sleep, now as clock, type Task } from "miniloop";\nimport type { Future } from "miniloop";\nexport const x = 1;\nexport { x as y };\nexport async function f() {}\nconst z = 2;';
    const { body, declarations, errors } = stripModuleSyntax(src);
    expect(errors).toEqual([]);
    expect(declarations).toBe('const { sleep, now: clock } = __ml;');
    expect(body.split('\n').map((l) => l.trimEnd())).toEqual(['', '', '       const x = 1;', '', '       async function f() {}', 'const z = 2;']);
    expect(body.length).toBe(src.length);
  });

  it('binds a namespace import', () => {
    expect(stripModuleSyntax("import * as ml from 'miniloop';").declarations).toBe('const ml = __ml;');
  });

  it('refuses other modules and default imports, at their line and column', () => {
    const { errors } = stripModuleSyntax('const a = 1;\n  import fs from "node:fs";\nimport loop from "miniloop";');
    expect(errors.map((e) => [e.line, e.column, e.message.slice(0, 30)])).toEqual([
      [2, 2, 'Cannot import "node:fs": a pro'],
      [3, 0, '"miniloop" has no default expo'],
    ]);
  });
});

describe('compile', () => {
  it('reports a syntax error at the reader\'s line and column, with the line text', async () => {
    const result = await compileInNode('const a = 1;\nlet b: number = ;\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 2, column: 16, lineText: 'let b: number = ;' });
    expect(result.errors[0]!.message).toMatch(/Unexpected ";"/);
  });

  it('replaces esbuild\'s __async helper with the runtime driver and keeps line numbers', async () => {
    const result = await compileInNode('async function f() { await 1 }\nawait f();');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Beside it, the helper the lowered-function pass calls (compiler/lowered-functions.ts).
    expect(result.code).toContain('var __async = __helpers.async, __lowered = __helpers.lowered;');
    expect(result.code).not.toContain('generator.apply(__this');
  });

  it('replaceHelpers leaves unknown helpers and the body untouched', () => {
    const code = ['var __knownSymbol = (a) => a;', 'var __async = (x) => {', '  return 1;', '};', '__main(() => 1);', 'tail'].join('\n');
    expect(replaceHelpers(code).split('\n')).toEqual(['var __knownSymbol = (a) => a;', 'var __async = __helpers.async;', '', '', '__main(() => 1);', 'tail']);
  });

  it('keeps TypeScript-only syntax out and runs modern syntax as written', async () => {
    const out = await outputOf(`
      interface P { x: number }
      class A { #n = 2; static s = 3; get n(): number { return this.#n } }
      const p: P = { x: 1 };
      const { x, ...rest } = { ...p, y: 2 };
      console.log(x, rest, new A().n, A.s, p?.x ?? 0, 2n ** 3n);
    `);
    expect(out).toEqual(['1 { y: 2 } 2 3 1 8n']);
  });

  it('lowers decorators and using declarations, which Node 22 cannot run as written', async () => {
    const out = await outputOf(`
      function logged(fn: (this: A) => number, ctx: ClassMethodDecoratorContext) { return function (this: A) { console.log('call', String(ctx.name)); return fn.call(this); }; }
      class A { @logged m() { return 1; } }
      class Res { constructor(public name: string) {} [Symbol.dispose]() { console.log('dispose', this.name); } }
      { using a = new Res('a'); using b = new Res('b'); console.log('body', new A().m()); }
    `);
    expect(out).toEqual(['call m', 'body 1', 'dispose b', 'dispose a']);
  });

  it('a program the engine cannot parse fails with a plain message, and nothing runs', async () => {
    // esbuild passes RegExp modifiers through; V8 before 12.5 (Node 22) rejects them.
    const probe = (() => {
      try {
        return new RegExp('(?i:a)b').test('Ab');
      } catch {
        return 'refused';
      }
    })();
    const result = await runSource("console.log('before');\nconst re = /(?i:a)b/;\nconsole.log(re.test('Ab'));");
    if (probe === 'refused') {
      expect(result.status).toBe('failed');
      expect(result.lines).toEqual([]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.message).toMatch(/^SyntaxError: Invalid regular expression[^\n]*\nThis JavaScript engine cannot run the compiled program/);
    } else {
      expect(result.lines.map((l) => l.text)).toEqual(['before', 'true']);
    }
  });
});

describe('stack traces point into the reader\'s TypeScript', () => {
  it('maps frames through async functions and drops runtime frames', async () => {
    const src = [
      'import { sleep } from "miniloop";', // 1
      'type N = number;', // 2
      'async function inner(n: N): Promise<void> {', // 3
      '  await sleep(n);', // 4
      '  throw new Error(`failed after ${n}`);', // 5
      '}', // 6
      'async function outer() {', // 7
      '  await inner(5);', // 8
      '}', // 9
      'await outer();', // 10
    ].join('\n');
    const result = await runSource(src);
    expect(result.problems).toHaveLength(1);
    const stack = result.problems[0]!.message.split('\n');
    expect(stack[0]).toBe('Error: failed after 5');
    expect(stack[1]).toBe('    at inner (main.ts:5:9)');
    expect(stack.every((line) => !line.includes('runtime') && !line.includes('.js:'))).toBe(true);
  });

  it('maps an error\'s cause too', async () => {
    const result = await runSource('const c = new Error("root");\nthrow new Error("top", { cause: c });');
    expect(result.problems[0]!.message).toMatch(/^Error: top\n    at main\.ts:2:7\n  \[cause\]: Error: root\n      at main\.ts:1:11/);
  });
});

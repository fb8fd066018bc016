/**
 * The compiler's fix-ups of esbuild's async-generator lowering
 * (src/compiler/async-generator-fixups.ts): which calls are renamed, that the
 * source map still points at the reader's columns after `return` is rewritten,
 * and that code the parser rejects is left as it was. What the fix-ups change
 * in behaviour is compared with V8 in async-generator.test.ts.
 */
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { fixAsyncGenerators, needsAsyncGeneratorFixups, type ParseFn } from '../../src/compiler/async-generator-fixups.ts';
import { compileInNode } from '../../src/compiler/node.ts';
import { outputOf } from './run-source.ts';

const SOURCE = `function* plain() { yield* [1, 2]; }
async function* agen() {
  yield* [3];
  const f = () => { return 4; };
  return f();
}
`;

describe('async-generator fix-ups', () => {
  it('rename yield* helpers by the generator they sit in, rewrite only the async generator\'s return, and call its mended helper', async () => {
    const compiled = await compileInNode(SOURCE);
    if (!compiled.ok) throw new Error('compile failed');
    const body = compiled.code.slice(compiled.code.indexOf('__main('));
    expect(body.match(/__yieldSync\(/g)).toHaveLength(1);
    expect(body.match(/__asyncStar\(/g)).toHaveLength(1);
    expect(body).not.toContain('__yieldStar(');
    expect(body.match(/yield new __await\(\(/g)).toHaveLength(1);
    expect(body).toContain('return yield new __await((f()))');
    // The async generator's helper is the mended one; nothing calls esbuild's any more.
    expect(body.match(/__asyncGenMended\(/g)).toHaveLength(1);
    expect(body).not.toContain('__asyncGenerator(');
    expect(body).toContain('return 4;');
  });

  it('leave programs without async generators alone (the parser is not even loaded)', () => {
    expect(needsAsyncGeneratorFixups('function* g() { yield* __yieldStar([1]); }')).toBe(false);
    expect(needsAsyncGeneratorFixups('return __asyncGenerator(this, null, function* () {})')).toBe(true);
  });

  it('return code and map unchanged when the parser rejects the code', () => {
    const code = 'function f() { return __asyncGenerator(this, null, function* () { return 1; }); }';
    const map = '{"version":3,"sources":["main.ts"],"mappings":"AAAA"}';
    const failing: ParseFn = () => {
      throw new SyntaxError('unsupported');
    };
    expect(fixAsyncGenerators(code, map, failing)).toEqual({ code, map });
    // With acorn the same code is rewritten, so the check above is not vacuous.
    expect(fixAsyncGenerators(code, map, parse as unknown as ParseFn).code).toContain('return yield new __await((1))');
  });

  it('keep stack columns on a rewritten return line pointing at the reader\'s code', async () => {
    const line3 = '  yield 1; return [0].map(() => fail())[0];';
    const lines = await outputOf(`function fail(): never { throw new Error('x'); }
async function* g() {
${line3}
}
try { for await (const _ of g()) {} } catch (e) { console.log((e as Error).stack!.split('\\n').slice(1, 3).join(' | ')); }
`);
    const newErrorColumn = 'function fail(): never { throw '.length + 1;
    const callColumn = line3.indexOf('fail()') + 1;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`at fail (main.ts:1:${newErrorColumn}) | `);
    expect(lines[0]).toMatch(new RegExp(` \\(?main\\.ts:3:${callColumn}\\)?$`));
  });
});

/**
 * Lowered functions look like what they were (issue 18 item 5;
 * src/compiler/lowered-functions.ts, src/runtime/function-shapes.ts): each
 * program's expected lines were printed by Node 22.23
 * (node_modules/node/bin/node) running it as a .mjs file; Node 24.21 prints
 * the same lines.
 */
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import type { ParseFn } from '../../src/compiler/async-generator-fixups.ts';
import { fixLoweredFunctions, needsLoweredFunctionFixups } from '../../src/compiler/lowered-functions.ts';
import { outputOf, runSource } from './run-source.ts';

/** Every form of async function: name, length, own keys, tag, [[Prototype]], constructibility; the %AsyncFunction% objects. */
const SHAPES = String.raw`const tag = (f) => Object.prototype.toString.call(f);
const proto = (f) => { const p = Object.getPrototypeOf(f); return p === Function.prototype ? 'Function.prototype' : p[Symbol.toStringTag]; };
const construct = (f) => { try { Reflect.construct(function () {}, [], f); return 'constructor'; } catch (e) { return 'not a constructor'; } };
const show = (label, f) => console.log(label, JSON.stringify(f.name), f.length, Reflect.ownKeys(f).map(String).join(','), tag(f), proto(f), construct(f));
show('expression', async function named(a, b) {});
const anonymous = async function () {};
show('anonymous', anonymous);
const arrow = async (x, y, z) => x;
show('arrow', arrow);
let assigned;
assigned = async () => {};
show('assigned', assigned);
const { defaulted = async function () {} } = {};
show('default', defaulted);
const obj = { prop: async () => {}, 'quoted key': async function () {}, async method(a) {}, async *agMethod() {}, async 7() {} };
show('property', obj.prop);
show('quoted', obj['quoted key']);
show('method', obj.method);
show('async generator method', obj.agMethod);
show('numeric key', obj[7]);
class C { async m() {} static async s(a, b) {} async *g() {} static async *sg() {} field = async () => {}; static #p = async () => {}; static p() { return C.#p; } }
show('class method', C.prototype.m);
show('static method', C.s);
show('class async generator', C.prototype.g);
show('static async generator', C.sg);
show('class field', new C().field);
show('private field', C.p());
show('async generator expression', async function* gen() {});
console.log([async () => {}, async function () {}].map((f) => JSON.stringify(f.name)).join(' '));
const AsyncFunction = Object.getPrototypeOf(arrow).constructor;
console.log(AsyncFunction.name, AsyncFunction.length, Reflect.ownKeys(AsyncFunction).map(String).join(','), Object.getPrototypeOf(AsyncFunction) === Function, AsyncFunction.prototype === Object.getPrototypeOf(arrow));
console.log(Reflect.ownKeys(AsyncFunction.prototype).map(String).join(','), Object.getOwnPropertyDescriptor(AsyncFunction.prototype, Symbol.toStringTag).writable, Object.getPrototypeOf(AsyncFunction.prototype) === Function.prototype);
const AsyncGeneratorFunction = Object.getPrototypeOf(obj.agMethod).constructor;
console.log(AsyncGeneratorFunction.name, Reflect.ownKeys(AsyncGeneratorFunction.prototype).map(String).join(','));
console.log(Object.getPrototypeOf(obj.agMethod.prototype) === AsyncGeneratorFunction.prototype.prototype, AsyncGeneratorFunction.prototype.prototype.constructor === AsyncGeneratorFunction.prototype);
console.log(String(AsyncGeneratorFunction.prototype.prototype), AsyncGeneratorFunction.prototype.prototype.isPrototypeOf(obj.agMethod()));
console.log(arrow instanceof Function, arrow instanceof AsyncFunction, typeof arrow, await arrow(5));
`;

/** Declarations (hoisted, also in blocks), names esbuild renamed, a function expression that calls itself by name. */
const DECLARATIONS = String.raw`const keys = (f) => Reflect.ownKeys(f).map(String).join(',');
const kind = (f) => Object.getPrototypeOf(f)[Symbol.toStringTag] ?? 'Function.prototype';
// Called before their declarations: still hoisted.
console.log(early.name, early.length, keys(early), kind(early), await early(1, 2));
console.log(earlyGen.name, keys(earlyGen), kind(earlyGen), (await earlyGen().next()).value);
for (const f of [early, earlyGen]) {
  try { new f(); } catch (e) { console.log('new', f.name, e.constructor.name, e.message); }
  try { class D extends f {} } catch (e) { console.log('extends', f.name, e.constructor.name); }
}
async function early(a, b) { return a + b; }
async function* earlyGen() { yield 'gen'; }
// A block's declaration is the block's, and hoisted within it.
{
  console.log('block', typeof inBlock, await inBlock());
  async function inBlock() { return kind(inBlock); }
}
console.log('outside', typeof inBlock);
// Names esbuild renamed (fn -> fn2) are the reader's again.
async function fn() { function fn() {} return fn.name; }
console.log('inner', await fn(), fn.name);
const expr = async function fn() { const fn = 1; return fn; };
console.log('expression', expr.name, await expr());
async function shadow(shadow) { return shadow; }
console.log('parameter', shadow.name, await shadow('param'), shadow.length);
const self = async function again(n) { return n > 0 ? again(n - 1) : again.name; };
console.log('self', self.name, await self(2), kind(self));
async function outer() {
  return [typeof nested, nested.name, kind(nested), await nested()].join(' ');
  async function nested() { return 'nested'; }
}
console.log('nested', await outer());
console.log('self keys', keys(self));
const assigns = async function target() { try { target = 1; } catch (e) { return e.constructor.name; } };
console.log('assign to own name', await assigns());
try { new (async () => 1)(); } catch (e) { console.log('new arrow', e.constructor.name, e.message); }
`;

/** Errors thrown in each form point at the reader's line and column (the pass moves columns and lines). */
const STACKS = String.raw`const where = (e) => e.stack.split('\n')[1].replace(/\(.*[/]/, '(').trim();
const arrow = async () => { await null; throw new Error('arrow'); }; const after = async function () { throw new Error('expression'); };
class K { async m() { throw new Error('method'); } static async s() { await 0; throw new Error('static'); } }
const o = { async m() { throw new Error('object method'); }, n: 1 }, p = async function named() { throw new Error('named'); };
for (const f of [arrow, after, () => new K().m(), () => K.s(), () => o.m(), p, hoisted]) {
  try { await f(); } catch (e) { console.log(e.message, where(e)); }
}
async function hoisted() { const x = 1; throw new Error('hoisted'); }
`;

/**
 * Names esbuild gives its own temporaries or references without a source name (a TypeScript
 * enum's inner binding, the for-await temporaries) are not renamed back; the reader's are.
 */
const ESBUILD_NAMES = String.raw`const temp = 'outer temp', iter = 'outer iter', more = 1, error = 2;
async function* src() { yield 1; yield 2; }
async function loop() {
  const temp = 'inner temp';
  for await (const v of src()) { const iter = v * 10; console.log(temp, iter, more, error); }
  for await (const temp of src()) console.log('t', temp);
}
await loop();
enum Color { Red, Green }
const NS = { x: 1, async f() { return 1; } };
async function useEnum() { enum Color { Blue = 5 } return [Color.Blue, NS.x, await NS.f()]; }
console.log(Color.Green, await useEnum());
async function fn(fn: number) { const f = async function fn() { return typeof fn; }; return [fn, await f()]; }
console.log(await fn(3), fn.name);
let x = 1;
async function shadowX() { let x = 2; { let x = 3; console.log('x', x); } return x; }
console.log(await shadowX(), x);
const arr = [async () => 1, async function () { return 2; }];
console.log(arr.map((f) => f.name).join('|'), await arr[1]());
class Svc { static async create() { return new Svc(); } async run() { return this instanceof Svc; } }
console.log(await (await Svc.create()).run());
export {};
`;

describe('lowered functions look like what they were (Node 22.23)', () => {
  it('each form has the name, length, own keys, prototype and constructibility it has in Node', async () => {
    expect(await outputOf(SHAPES)).toEqual([
    "expression \"named\" 2 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "anonymous \"anonymous\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "arrow \"arrow\" 3 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "assigned \"assigned\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "default \"defaulted\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "property \"prop\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "quoted \"quoted key\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "method \"method\" 1 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "async generator method \"agMethod\" 0 length,name,prototype [object AsyncGeneratorFunction] AsyncGeneratorFunction not a constructor",
    "numeric key \"7\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "class method \"m\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "static method \"s\" 2 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "class async generator \"g\" 0 length,name,prototype [object AsyncGeneratorFunction] AsyncGeneratorFunction not a constructor",
    "static async generator \"sg\" 0 length,name,prototype [object AsyncGeneratorFunction] AsyncGeneratorFunction not a constructor",
    "class field \"field\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "private field \"#p\" 0 length,name [object AsyncFunction] AsyncFunction not a constructor",
    "async generator expression \"gen\" 0 length,name,prototype [object AsyncGeneratorFunction] AsyncGeneratorFunction not a constructor",
    "\"\" \"\"",
    "AsyncFunction 1 length,name,prototype true true",
    "constructor,Symbol(Symbol.toStringTag) false true",
    "AsyncGeneratorFunction prototype,constructor,Symbol(Symbol.toStringTag)",
    "true true",
    "[object AsyncGenerator] true",
    "true true function 5",
  ]);
  });

  it('declarations stay hoisted and are not constructors; renamed names are the reader\'s', async () => {
    expect(await outputOf(DECLARATIONS)).toEqual([
    "early 2 length,name AsyncFunction 3",
    "earlyGen length,name,prototype AsyncGeneratorFunction gen",
    "new early TypeError f is not a constructor",
    "extends early TypeError",
    "new earlyGen TypeError f is not a constructor",
    "extends earlyGen TypeError",
    "block function AsyncFunction",
    "outside undefined",
    "inner fn fn",
    "expression fn 1",
    "parameter shadow param 1",
    "self again again AsyncFunction",
    "nested function nested AsyncFunction nested",
    "self keys length,name",
    "assign to own name TypeError",
    "new arrow TypeError (intermediate value) is not a constructor",
  ]);
  });

  it('stack frames keep the reader\'s lines and columns', async () => {
    // Node's frames name a method K.m / Object.m where the stack mapper says K.eval / eval (as before this pass): compare positions.
    const lines = await outputOf(STACKS);
    expect(lines.map((l) => l.replace(/ at .*\(/, ' (').replace('main.ts', 'FILE'))).toEqual([
    "arrow (FILE:2:47)",
    "expression (FILE:2:110)",
    "method (FILE:3:29)",
    "static (FILE:3:86)",
    "object method (FILE:4:31)",
    "named (FILE:4:105)",
    "hoisted (FILE:8:47)",
  ]);
  });

  it('names esbuild made itself stay as they are (a TypeScript enum in an async function, for-await temporaries)', async () => {
    // Node 22.23 ran this TypeScript with --experimental-transform-types (an enum is not JavaScript).
    expect(await outputOf(ESBUILD_NAMES)).toEqual([
      "inner temp 10 1 2",
      "inner temp 20 1 2",
      "t 1",
      "t 2",
      "1 [ 5, 1, 1 ]",
      "[ 3, 'function' ] fn",
      "x 3",
      "2 1",
      "| 2",
      "true",
    ]);
  });

  it('the program\'s uncaught error in a hoisted declaration is reported at its line', async () => {
    const result = await runSource('await later();\nasync function later() {\n  await null;\n  throw new Error("late");\n}\n');
    expect(result.problems[0]?.message).toMatch(/at later \(main\.ts:4:9\)/);
  });
});

describe('the pass itself', () => {
  it('runs only when esbuild lowered something', () => {
    expect(needsLoweredFunctionFixups('function f() { return 1; }')).toBe(false);
    expect(needsLoweredFunctionFixups('return __async(this, null, function* () {})')).toBe(true);
  });

  it('leaves code and map unchanged when the parser rejects the code, and rewrites it with acorn', () => {
    const code = 'const f = (x) => __async(null, null, function* () {\n  return x;\n});';
    const map = '{"version":3,"sources":["main.ts"],"names":[],"mappings":"AAAA"}';
    const failing: ParseFn = () => {
      throw new SyntaxError('unsupported');
    };
    expect(fixLoweredFunctions(code, map, failing)).toEqual({ code, map });
    expect(fixLoweredFunctions(code, map, parse as unknown as ParseFn).code).toContain('const f = __lowered((x) => __async(');
  });

  it('marks a shell direct (kind + 4) only when calling it runs no program code before the helper', () => {
    const kindOf = (shell: string): string => {
      const code = `const f = ${shell};`;
      const fixed = fixLoweredFunctions(code, '{"version":3,"sources":["main.ts"],"names":[],"mappings":"AAAA"}', parse as unknown as ParseFn).code;
      return /, (\d+)(, "f")?\);?\s*$/.exec(fixed)?.[1] ?? fixed;
    };
    // What esbuild emits: names and literal defaults stay on the shell; anything else goes into the generator.
    expect(kindOf('(x, y = 1, ...rest) => __async(null, null, function* () {})')).toBe('4');
    expect(kindOf('function () { return __async(this, arguments, function* (a = side()) {}); }')).toBe('4');
    // Spreading the arguments calls Array.prototype[Symbol.iterator]; a destructured parameter, getters.
    expect(kindOf('(..._0) => __async(null, [..._0], function* (x = side()) {})')).toBe('0');
    expect(kindOf('({ a }) => __async(null, null, function* () {})')).toBe('0');
    expect(kindOf('(x = side()) => __async(null, null, function* () {})')).toBe('0');
    // Async generators keep their kind; the runtime does not start them without a promise.
    expect(kindOf('() => __asyncGenerator(null, null, function* () {})')).toBe('5');
  });
});

/**
 * A shared body whose awaits are statements of their own at its top level
 * runs as a state machine (src/compiler/state-machines.ts): what a program
 * sees is what Node shows (each program here is also run by the Node running
 * the tests), the bodies the pass must not take stay generators, and a
 * sleeping task keeps no generator.
 */
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { aliveWhileAsleep, nodePrints, outputOf } from './run-source.ts';

/** Bodies the pass takes, and some it must not; each line as Node prints it. */
const PROGRAM = String.raw`const tick = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 1));
// Locals across awaits: const and let from an await, several declarators, a let without a value,
// shorthand properties, a destructuring assignment, a default in a pattern, a nested block's own name.
const locals = async (a, b) => {
  const x = await tick(a);
  let y = x + b, z;
  z = { x, y };
  await tick();
  [y, z.x] = [z.x, y];
  let p;
  ({ p = 'default' } = {});
  { const x = 'inner'; console.log('block', x); }
  return [x, y, z.x, typeof z, p, typeof later].join(' ');
};
console.log(await locals(1, 2));
// The loop's variable, passed in; tasks interleave; return await; a return in a branch; no await.
const out = [];
for (let i = 0; i < 3; i++) out.push((async () => { const v = await tick(i * 10); return await tick(v + i); })());
console.log((await Promise.all(out)).join(','));
const early = async (n) => { if (n > 1) return 'big ' + n; const m = await tick(n); return 'small ' + m; };
console.log(await early(5), await early(1));
const plain = async () => 'no await';
console.log(await plain());
// Errors: thrown after an await, thrown in at the await (a rejected promise), from a value's own code.
const throwsAfter = async (msg) => { await tick(); throw new Error(msg); };
try { await throwsAfter('after'); } catch (e) { console.log('caught', e.message); }
const rejected = async () => { const v = await Promise.reject(new TypeError('in')); return v; };
try { await rejected(); } catch (e) { console.log('caught', e.name, e.message); }
// What must stay a generator: read before its declaration (TDZ), a const assigned, a closure over a local.
const tdz = async () => { await tick(); console.log(typeof later); let later = 1; };
try { await tdz(); } catch (e) { console.log('tdz', e.name); }
const assigns = async () => { const c = 1; await tick(); c = 2; };
try { await assigns(); } catch (e) { console.log('const', e.name); }
const closure = async () => { let v = 1; const get = () => v; await tick(); v = 2; return get(); };
console.log('closure', await closure());
// A for loop and a template without an await in them, this and arguments in an outer function.
const sums = async (n) => { let total = 0; for (let k = 0; k <= n; k++) total += k; await tick(); return ` + "`sum ${total}`" + String.raw`; };
console.log(await sums(4));
const obj = { base: 10, async add(v) { const w = await tick(v); return this.base + w + arguments.length; } };
console.log(await obj.add(5));
`;

/** Which form the compiled body of `source`'s one async arrow takes. */
async function formOf(body: string): Promise<'machine' | 'generator'> {
  const compiled = await compileInNode(`for (let i = 0; i < 2; i++) setTimeout(async (a) => { ${body} });`);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  if (/__asyncBody1 \?\?= class \{/.test(compiled.code)) return 'machine';
  if (/__asyncBody1 \?\?= function\* /.test(compiled.code)) return 'generator';
  throw new Error(`no shared body in:\n${compiled.code}`);
}

describe('state-machine bodies', () => {
  it('a program sees what Node shows: locals across awaits, returns, errors, and the bodies left as generators', async () => {
    const expected = nodePrints(PROGRAM);
    expect(expected).toHaveLength(12);
    expect(await outputOf(PROGRAM)).toEqual(expected);
  });

  it('takes a body whose awaits are statements at its top level, and no other', async () => {
    const cases: Array<[string, 'machine' | 'generator']> = [
      ['await null; console.log(i, a);', 'machine'],
      ['const x = await a; let y = x; return await y;', 'machine'],
      ['if (a) return 1; const { b } = a;', 'generator'], // a pattern declared
      ['if (a) await null;', 'generator'], // an await inside a statement
      ['for (const x of a) await x;', 'generator'],
      ['try { await a; } catch {}', 'generator'],
      ['console.log(await a);', 'generator'], // an await inside an expression
      ['let v = 1; setTimeout(() => v); await null;', 'generator'], // a closure reads a local
      ['await null; return this;', 'generator'],
      ['var v = await a; return v;', 'generator'],
      ['await null; function f() {} return f;', 'generator'],
      ['await null; return class {};', 'generator'],
      ['await null; const c = 1; c++;', 'generator'], // a const assigned
      ['await null; x; let x = 1;', 'generator'], // read in its temporal dead zone
      ['const __smValue = 1; await null;', 'generator'], // a name the machine uses
    ];
    const forms = await Promise.all(cases.map(([body]) => formOf(body)));
    expect(cases.map(([body], k) => [body, forms[k]])).toEqual(cases);
    // A function's body (it has a `this`) stays a generator.
    const compiled = await compileInNode('for (let i = 0; i < 2; i++) setTimeout(async function () { await i; });');
    expect(compiled.ok && compiled.code).toMatch(/__asyncBody1 \?\?= function\* /);
  });

  it('a task cancelled while its state-machine body sleeps ends cancelled, as a generator body does', async () => {
    const source = `import { createTask, sleep, CancelledError } from 'miniloop';
const task = createTask(async () => { await sleep(100); console.log('not reached'); });
await sleep(10);
task.cancel('enough');
try { await task; } catch (e) { console.log(e instanceof CancelledError, task.cancelled()); }
const caught = createTask(async () => { const v = await sleep(100, 'woke'); return v; });
console.log(await caught);
`;
    expect(await outputOf(source)).toEqual(['true true', 'woke']);
  });

  it("an error in a state-machine body names the reader's function, as Node does", async () => {
    const source = `const twoSteps = async (n) => { const a = await n; const b = await a; throw new RangeError('two ' + b); };
try { await twoSteps(1); } catch (e) { console.log(e.stack.split('\\n')[1].trim().split(' ')[1], e.message); }
const holder = { run() { const inner = async (v) => { await v; return null.x; }; return inner(2); } };
try { await holder.run(); } catch (e) { console.log(e.stack.split('\\n')[1].trim().split(' ')[1], e.name); }
`;
    expect(await outputOf(source)).toEqual(nodePrints(source));
  });

  it('1,000 sleeping tasks keep no generator when their body is a state machine', async () => {
    // Generators the driver makes inherit from %GeneratorPrototype% (runtime/driver.ts): count those alive.
    function Generators(): void {}
    Generators.prototype = Object.getPrototypeOf(function* () {}).prototype as object;
    const whileAsleep = (create: string): Promise<number> => aliveWhileAsleep(create, Generators as unknown as new () => unknown);
    const machines = await whileAsleep(`createTask(async () => { await sleep(10 + i); });`);
    const generators = await whileAsleep(`createTask(async () => { if (i >= 0) await sleep(10 + i); });`);
    expect(generators).toBeGreaterThanOrEqual(1000);
    expect(machines).toBeLessThan(generators - 900);
  });
});

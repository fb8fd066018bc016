/**
 * Calls of one async function share its lowered body (src/compiler/shared-bodies.ts):
 * what a program sees is unchanged (each program here is also run by the
 * Node running the tests, and the lines must be the same), and the generator
 * functions a run keeps are one per shared function, not one per call.
 */
import { describe, expect, it } from 'vitest';
import { compileInNode } from '../../src/compiler/node.ts';
import { aliveWhileAsleep, nodePrints, outputOf } from './run-source.ts';

/** Bindings a shared body copies, and the ones it must not: each line as Node prints it. */
const BINDINGS = String.raw`// A loop's let, a const of the loop body, a parameter the body assigns.
const made = [];
for (let i = 0; i < 3; i++) {
  const twice = i * 2;
  made.push(async (x) => { x = x + i; await null; return [i, twice, x].join('/'); });
}
console.log((await Promise.all(made.map((f, k) => f(k * 10)))).join(' '));
// Assigned after the function is made: the body reads the binding, not a copy.
let later = 'before';
const readLater = async () => { await null; return later; };
const pending = readLater();
later = 'after';
console.log(await pending, await readLater());
// A loop variable the loop body changes.
const seen = [];
for (let j = 0; j < 6; j++) { seen.push(async () => { await null; return j; }); j++; }
console.log((await Promise.all(seen.map((f) => f()))).join(','));
// A hoisted declaration called before a const it reads is initialised: read after an await, it is ready.
{
  const early = readsValue();
  const value = 'ready';
  console.log(await early);
  async function readsValue() { await null; return value; }
}
// ... read before the first await: the promise rejects, the call does not throw.
{
  let thrown = 'none';
  let p;
  try { p = readsNow(); } catch (e) { thrown = e.constructor.name; }
  console.log('call threw:', thrown, 'awaited:', await p.then(() => 'ok', (e) => e.constructor.name));
  const v = 1;
  async function readsNow() { return v; }
}
// Each call its own frame: recursion, interleaved calls.
async function fib(n) { if (n < 2) return n; await null; return (await fib(n - 1)) + (await fib(n - 2)); }
console.log(await fib(12));
async function count(name, n) { const out = []; for (let k = 0; k < n; k++) { out.push(name + k); await null; } return out.join(''); }
console.log((await Promise.all([count('a', 3), count('b', 2)])).join(' '));
// A catch binding; this and arguments; a switch case; a function's own name and a default.
try { throw new Error('caught'); } catch (err) {
  const f = async () => { await null; return err.message; };
  console.log(await f());
}
class Box { constructor(v) { this.v = v; } async get(extra) { await null; return this.v + extra + arguments.length; } }
console.log(await new Box(1).get(2), await new Box(10).get(20, 0));
switch (1) { case 1: const inCase = 'case'; const g = async () => { await null; return inCase; }; console.log(await g()); }
const named = async function again(n = 2) { await null; return n > 0 ? again(n - 1) : 'done ' + n; };
console.log(await named(), await named(1));
// A direct eval reads bindings no analysis sees: nothing is copied in a function that has one.
const evals = [];
for (let e = 0; e < 3; e++) evals.push(async () => { await null; return eval('e'); });
console.log((await Promise.all(evals.map((f) => f()))).join(','));
// Made in a function's parameters: its body's bindings are out of reach.
function withDefault(cb = async (x) => { await null; return x * 2; }) { return cb; }
console.log('default parameter', await withDefault()(21), await withDefault()(1));
// A closure made in the body keeps the value it read.
const readers = [];
for (const word of ['x', 'y']) readers.push(async () => { await null; return () => word; });
console.log((await Promise.all(readers.map((f) => f()))).map((r) => r()).join(''));
`;

describe('shared lowered bodies', () => {
  it('a program sees what Node shows: copied bindings, bindings read in place, TDZ, recursion', async () => {
    const expected = nodePrints(BINDINGS);
    expect(expected.length).toBeGreaterThan(10);
    expect(await outputOf(BINDINGS)).toEqual(expected);
  });

  it('the body is shared where a copy is safe, and made per call where it is not', async () => {
    const compiled = await compileInNode(`
      for (let i = 0; i < 3; i++) setTimeout(async () => { await null; console.log(i); });
      for (let j = 0; j < 3; j++) { let n = j; n++; setTimeout(async () => { await null; console.log(n); }); }
    `);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const code = compiled.code;
    // The first body goes out of its loop, with `i` passed; the second stays in its loop's block, `n` read in place.
    // (Both are state machines, compiler/state-machines.ts, made in the shell: `i` is the constructor's argument.)
    expect(code).toMatch(/function\* \(\) \{ let __asyncBody1;\s+for \(let i = 0;.*__async\(null, null, new \(__asyncBody1 \?\?= class \{[^\n]* constructor\(i\) \{/);
    expect(code).toMatch(/\} \}\)\(i\), 3\), 4\)\);/);
    expect(code).toMatch(/for \(let j = 0; j < 3; j\+\+\) \{ let __asyncBody2;[\s\S]*__async\(null, null, new \(__asyncBody2 \?\?= class \{[^\n]* constructor\(\) \{/);
    expect(code).toMatch(/\} \}\)\(\), 3\), 4\)\);/);
  });

  it('1,000 sleeping calls keep one generator function, unless the body reads a binding it cannot copy', async () => {
    const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor as new () => unknown;
    const whileAsleep = (create: string): Promise<number> => aliveWhileAsleep(create, GeneratorFunction);
    // An await inside an `if` keeps each body a generator (a state machine has no generator function: state-machines.test.ts).
    const shared = await whileAsleep(`createTask(async () => { if (i >= 0) await sleep(10 + i); });`);
    const perCall = await whileAsleep(`let n = i; n++; createTask(async () => { if (n >= 0) await sleep(10 + n); });`);
    expect(perCall).toBeGreaterThanOrEqual(1000);
    expect(shared).toBeLessThan(perCall - 900);
  });

  it("an error in a shared body names the reader's function, as Node does", async () => {
    const source = `async function failing(n) { await null; throw new Error('boom ' + n); }
try { await failing(1); } catch (e) { console.log(e.stack.split('\\n')[1].trim().split(' ')[1]); }
const arrow = async () => { await null; throw new Error('arrow'); };
try { await arrow(); } catch (e) { console.log(e.stack.split('\\n')[1].trim().split(' ')[1]); }
// A method's frame names its receiver's class (V8 calls the body with the method's \`this\`).
const object = { async method() { await null; throw new Error('method'); }, sync() { throw new Error('sync'); } };
try { await object.method(); } catch (e) { console.log(e.stack.split('\\n')[1].trim().split(' ')[1]); }
try { object.sync(); } catch (e) { console.log(e.stack.split('\\n')[1].trim().split(' ')[1]); }
class Box { async get() { throw new Error('before any await'); } }
try { await new Box().get(); } catch (e) { console.log(e.stack.split('\\n')[1].trim().split(' ')[1]); }
`;
    expect(await outputOf(source)).toEqual(nodePrints(source));
  });
});

/**
 * Random programs of async functions and arrows (await of values, promises, thenables and
 * other async functions; calls left running; try/catch/finally; returns of
 * values, promises and thenables; throws), queueMicrotask and setTimeout(0),
 * next to a chain of promise ticks - run natively (V8's own async functions
 * and Node's timers, in this process) and on the loop (lowered by esbuild,
 * driven by runtime/driver.ts, on virtual time). The lines must be the same,
 * in the same order. Every timer has delay 0 (Node makes it 1 ms), so the
 * native order does not depend on how fast this machine is.
 */
import { format } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputOf } from './run-source.ts';

type Awaited =
  | { k: 'null' }
  | { k: 'resolved' }
  | { k: 'rejected-caught' }
  | { k: 'thenable'; async: boolean }
  | { k: 'call'; j: number };
type Stmt =
  | { k: 'log' }
  | { k: 'await'; what: Awaited }
  | { k: 'start'; j: number }
  | { k: 'micro' }
  | { k: 'timer'; j: number; call: boolean }
  | { k: 'try'; body: Stmt[]; fin: boolean; awaitInFinally: boolean };
type End = { k: 'none' } | { k: 'return'; how: 'value' | 'promise' | 'thenable' } | { k: 'throw' };
interface Fn {
  body: Stmt[];
  end: End;
  /** An async arrow: one whose awaits are all statements runs as a state machine (compiler/state-machines.ts). */
  arrow: boolean;
}

const awaited: fc.Arbitrary<Awaited> = fc.oneof(
  fc.constant({ k: 'null' as const }),
  fc.constant({ k: 'resolved' as const }),
  fc.constant({ k: 'rejected-caught' as const }),
  fc.record({ k: fc.constant('thenable' as const), async: fc.boolean() }),
  fc.record({ k: fc.constant('call' as const), j: fc.nat(3) }),
);
const stmt: fc.Memo<Stmt> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ k: 'log' as const }),
    fc.record({ k: fc.constant('await' as const), what: awaited }),
    fc.record({ k: fc.constant('start' as const), j: fc.nat(3) }),
    fc.constant({ k: 'micro' as const }),
    fc.record({ k: fc.constant('timer' as const), j: fc.nat(3), call: fc.boolean() }),
    ...(depth > 1 ? [fc.record({ k: fc.constant('try' as const), body: fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }), fin: fc.boolean(), awaitInFinally: fc.boolean() })] : []),
  ),
);
const end: fc.Arbitrary<End> = fc.oneof(
  fc.constant({ k: 'none' as const }),
  fc.record({ k: fc.constant('return' as const), how: fc.constantFrom('value' as const, 'promise' as const, 'thenable' as const) }),
  fc.constant({ k: 'throw' as const }),
);
const program = fc.record({
  fns: fc.array(fc.record({ body: fc.array(stmt(3), { minLength: 1, maxLength: 5 }), end, arrow: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  calls: fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }),
});

function source({ fns, calls }: { fns: Fn[]; calls: number[] }): string {
  let n = 0;
  const lines = [
    'const thenable = (v) => ({ then(ok) { console.log("then called", v); ok(v); } });',
    'const lateThenable = (v) => ({ then(ok) { queueMicrotask(() => ok(v)); } });',
  ];
  // Only earlier functions are called (j < i), so every program ends.
  const callee = (i: number, j: number): string | null => (i > 0 ? `f${j % i}` : null);
  fns.forEach((f, i) => {
    const awaitText = (a: Awaited, id: string): string => {
      switch (a.k) {
        case 'null':
          return 'await null;';
        case 'resolved':
          return `await Promise.resolve('${id}');`;
        case 'rejected-caught':
          return `console.log('${id}', await Promise.reject(new Error('${id}')).catch((e) => 'caught ' + e.message));`;
        case 'thenable':
          return `console.log('${id} got', await ${a.async ? 'lateThenable' : 'thenable'}('${id}'));`;
        case 'call': {
          const g = callee(i, a.j);
          return g ? `try { console.log('${id} got', await ${g}('${id}')); } catch (e) { console.log('${id} caught', e.message); }` : 'await null;';
        }
      }
    };
    const body = (stmts: Stmt[]): string =>
      stmts
        .map((s): string => {
          const id = `f${i}.${n++}`;
          switch (s.k) {
            case 'log':
              return `console.log('${id}', x);`;
            case 'await':
              return awaitText(s.what, id);
            case 'start': {
              const g = callee(i, s.j);
              return g ? `${g}('${id}').then((v) => console.log('${id} then', v), (e) => console.log('${id} failed', e.message));` : `console.log('${id}');`;
            }
            case 'micro':
              return `queueMicrotask(() => console.log('${id} microtask'));`;
            case 'timer': {
              const g = callee(i, s.j);
              const call = s.call && g ? ` ${g}('${id}').catch((e) => console.log('${id} timer call failed', e.message));` : '';
              return `setTimeout(() => { console.log('${id} timer');${call} }, 0);`;
            }
            case 'try':
              return `try { ${body(s.body)} } catch (e) { console.log('${id} caught', e.message); }${s.fin ? ` finally { console.log('${id} finally');${s.awaitInFinally ? ' await null;' : ''} }` : ''}`;
          }
        })
        .join(' ');
    const tail =
      f.end.k === 'return'
        ? f.end.how === 'value'
          ? `return 'r${i}';`
          : f.end.how === 'promise'
            ? `return Promise.resolve('r${i}');`
            : `return thenable('r${i}');`
        : f.end.k === 'throw'
          ? `throw new Error('f${i} threw');`
          : '';
    lines.push(f.arrow ? `const f${i} = async (x) => { ${body(f.body)} ${tail} };` : `async function f${i}(x) { ${body(f.body)} ${tail} }`);
  });
  calls.forEach((c, m) => {
    const i = c % fns.length;
    lines.push(`f${i}('main${m}').then((v) => console.log('main${m} done', v), (e) => console.log('main${m} failed', e.message));`);
  });
  lines.push(`Promise.resolve()${Array.from({ length: 12 }, (_, k) => `.then(() => console.log('p${k + 1}'))`).join('')};`);
  lines.push("setTimeout(() => console.log('last timer'), 0);");
  return lines.join('\n');
}

/** Run `code` with V8's own async functions and Node's timers; resolves when no timer is left. */
async function native(code: string): Promise<string[]> {
  const out: string[] = [];
  const console = { log: (...args: unknown[]) => out.push(format(...args)) };
  let pending = 0;
  const setTimer = (fn: () => void, ms: number) => {
    pending++;
    return setTimeout(() => {
      pending--;
      fn();
    }, ms);
  };
  new Function('console', 'setTimeout', code)(console, setTimer);
  while (pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setImmediate(resolve));
  return out;
}

describe('random async-function programs match V8 and Node', () => {
  it('150 programs print the same lines in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(program, async (p) => {
        const code = source(p);
        expect(await outputOf(code)).toEqual(await native(code));
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});

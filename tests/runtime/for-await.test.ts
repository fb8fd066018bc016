/**
 * `for await` on the runtime's helper (async-generator.ts makeForAwait, replacing
 * esbuild's __forAwait): next read once and called without an argument, a sync
 * iterator's next()/return() called without one, the loop's ticks as V8's.
 * The expected lines were printed by Node 22.23 (node_modules/node/bin/node)
 * running this program as a .mjs file, with one line added: "closed after
 * rejection" - the current spec closes a sync iterator whose value rejects
 * (tc39/ecma262#2600, in Node 24); Node 22 predates that change.
 */
import { expect, it } from 'vitest';
import { outputOf } from './run-source.ts';

const PROGRAM = `const log = (...a) => console.log(...a);
// 1. next is read once; no argument is passed to next.
let reads = 0;
const asyncIt = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      get next() { reads++; return function (...args) { log('next args', args.length); return Promise.resolve({ value: i, done: i++ >= 2 }); }; },
      get return() { log('return read'); return () => { log('return called'); return {}; }; },
    };
  },
};
for await (const x of asyncIt) log('value', x);
log('next reads', reads);
// 2. a sync iterator: next gets no argument; break closes it.
const syncIt = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next(...args) { log('sync next args', args.length); return { value: i++, done: false }; },
      return(...args) { log('sync return args', args.length); return {}; },
    };
  },
};
for await (const x of syncIt) { log('sync value', x); if (x === 1) break; }
// 3. a sync iterator whose value rejects is closed (tc39/ecma262#2600; Node 22 predates it: see below).
const rejecting = {
  [Symbol.iterator]() {
    return {
      next() { return { value: Promise.reject(new Error('no')), done: false }; },
      return() { log('closed after rejection'); return {}; },
    };
  },
};
try { for await (const x of rejecting) log('never', x); } catch (e) { log('caught', e.message); }
// 4. ticks: interleaving with a promise chain.
const ticks = (n) => { let p = Promise.resolve(); for (let i = 0; i < n; i++) p = p.then(() => log('tick', i)); return p; };
const order = async () => { for await (const x of [1, 2]) log('item', x); log('loop done'); };
await Promise.all([order(), ticks(6)]);
`;

it('for await follows ForIn/OfBodyEvaluation (Node 22 output, plus tc39/ecma262#2600)', async () => {
  expect(await outputOf(PROGRAM)).toEqual(['next args 0', 'value 0', 'next args 0', 'value 1', 'next args 0', 'next reads 1', 'sync next args 0', 'sync value 0', 'sync next args 0', 'sync value 1', 'sync return args 0', 'closed after rejection', 'caught no', 'tick 0', 'item 1', 'tick 1', 'tick 2', 'item 2', 'tick 3', 'tick 4', 'loop done', 'tick 5']);
});

/** next() results that are not objects (sync and async, first and later steps, in async functions and async generators). */
const NOT_AN_OBJECT = String.raw`const bad = { [Symbol.asyncIterator]() { return { next() { return 1; }, return() { console.log('return called'); return {}; } }; } };
async function f() { try { for await (const v of bad) console.log('never', v); } catch (e) { console.log(e.constructor.name, e.message); } }
await f();
async function* g() { try { for await (const v of bad) yield v; } catch (e) { console.log('gen', e.constructor.name, e.message); } }
for await (const v of g()) console.log('never', v);
let n = 0;
const later = { [Symbol.asyncIterator]() { return { next() { n++; return n < 3 ? Promise.resolve({ value: n, done: false }) : Promise.resolve(Symbol('s')); }, return() { console.log('return called'); return {}; } }; } };
try { for await (const v of later) console.log('later', v); } catch (e) { console.log('later', e.constructor.name, e.message); }
const good = { [Symbol.asyncIterator]() { let i = 0; return { next() { i++; return { value: i, done: i > 2 }; } }; } };
async function* h() { for await (const v of good) yield v * 10; }
for await (const v of h()) console.log('h', v);
const ticks = (k) => { let p = Promise.resolve(); for (let i = 0; i < k; i++) p = p.then(() => console.log('tick', i)); return p; };
const fn = { [Symbol.asyncIterator]() { return { next() { return null; } }; } };
await Promise.all([(async () => { try { for await (const v of fn) console.log(v); } catch (e) { console.log('null', e.message); } })(), ticks(4)]);
console.log('end');
`;

it('for await: a next() result that is not an object is a TypeError at the loop head, the iterator not closed (Node 22.23 and 24.21)', async () => {
  expect(await outputOf(NOT_AN_OBJECT)).toEqual(["TypeError Iterator result 1 is not an object", "gen TypeError Iterator result 1 is not an object", "later 1", "later 2", "later TypeError Iterator result Symbol(s) is not an object", "h 10", "h 20", "null Iterator result null is not an object", "tick 0", "tick 1", "tick 2", "tick 3", "end"]);
});

/** Closing a loop left early (AsyncIteratorClose) and V8's words for a value that is not a function (for await and yield*). */
const CLOSE_AND_MESSAGES = String.raw`const mk = (ret) => ({ [Symbol.asyncIterator]() { return { next() { return { value: 1, done: false }; }, return: ret }; } });
try { for await (const v of mk(() => { throw new Error('from return'); })) throw new Error('from body'); } catch (e) { console.log('1', e.message); }
try { for await (const v of mk(() => Promise.reject(new Error('rejected return')))) throw new Error('from body'); } catch (e) { console.log('2', e.message); }
try { for await (const v of mk(() => 5)) break; console.log('3 no error'); } catch (e) { console.log('3', e.constructor.name, e.message); }
try { for await (const v of mk(() => { throw new Error('from return'); })) break; } catch (e) { console.log('4', e.message); }
try { for await (const v of mk(() => 5)) throw new Error('body wins'); } catch (e) { console.log('5', e.message); }
try { for await (const v of mk(5)) break; } catch (e) { console.log('6', e.constructor.name, e.message); }
for (const r of [5, 'str', {}, true, Symbol('s'), 10n]) {
  try { for await (const v of mk(r)) break; } catch (e) { console.log(e.constructor.name, e.message); }
}
const mk3 = (n) => ({ [Symbol.asyncIterator]() { return { next: n }; } });
for (const r of [5, {}]) { try { for await (const v of mk3(r)) break; } catch (e) { console.log('next', e.constructor.name, e.message); } }
for (const r of [undefined, null, -0, 1.5, '']) { try { for await (const v of mk3(r)) break; } catch (e) { console.log('next', e.constructor.name, e.message); } }
const mk4 = (k, v) => ({ [Symbol.asyncIterator]() { return { next() { return { value: 1, done: false }; }, [k]: v }; } });
async function* g(src) { yield* src; }
for (const v of [5, 'str', null, {}]) {
  const it = g(mk4('return', v)); await it.next();
  try { await it.return(1); console.log('ok'); } catch (e) { console.log('return', e.constructor.name, e.message); }
  const it2 = g(mk4('throw', v)); await it2.next();
  try { await it2.throw(new Error('x')); } catch (e) { console.log('throw', e.constructor.name, e.message); }
}
const bad = { [Symbol.asyncIterator]() { return { next: 7 }; } };
try { for await (const x of g(bad)) ; } catch (e) { console.log('next', e.constructor.name, e.message); }
const badIt = { [Symbol.asyncIterator]: 3 };
try { for await (const x of g(badIt)) ; } catch (e) { console.log('iter*', e.constructor.name, e.message); }
`;

it('for await: the close keeps the body\'s throw, a return() result that is not an object is a TypeError, messages are V8\'s (Node 22.23 and 24.21)', async () => {
  expect(await outputOf(CLOSE_AND_MESSAGES)).toEqual(["1 from body", "2 from body", "3 TypeError Iterator result 5 is not an object", "4 from return", "5 body wins", "6 TypeError number 5 is not a function", "TypeError number 5 is not a function", "TypeError string \"str\" is not a function", "TypeError object is not a function", "TypeError boolean true is not a function", "TypeError symbol is not a function", "TypeError bigint is not a function", "next TypeError number 5 is not a function", "next TypeError object is not a function", "next TypeError undefined is not a function", "next TypeError object null is not a function", "next TypeError number 0 is not a function", "next TypeError number 1.5 is not a function", "next TypeError string \"\" is not a function", "return TypeError number 5 is not a function", "throw TypeError number 5 is not a function", "return TypeError string \"str\" is not a function", "throw TypeError string \"str\" is not a function", "ok", "throw TypeError The iterator does not provide a 'throw' method.", "return TypeError object is not a function", "throw TypeError object is not a function", "next TypeError number 7 is not a function", "iter* TypeError number 3 is not a function"]);
});

/**
 * A spec-exact (ECMA-262 §27.2) Promise implementation whose jobs run on a
 * host-provided job queue instead of the engine's microtask queue.
 *
 * Every algorithm follows the specification step by step so that the order
 * of observable events (and the number of ticks each operation takes) equals
 * what V8 prints: PromiseResolve returns the argument when its constructor is
 * the receiver, thenables are adopted through NewPromiseResolveThenableJob,
 * `then` goes through SpeciesConstructor/NewPromiseCapability, `finally` uses
 * thenFinally/catchFinally, and the combinators look `C.resolve` up once and
 * Invoke `then` on every element.
 *
 * Internal slots live in true private fields stamped onto each instance (the
 * "return override" technique), so user code cannot read or forge them. The
 * algorithms are module-level so that the JIT shares their feedback across
 * every class created by {@link createPromiseClass}.
 *
 * No DOM and no Node APIs are used: this module runs in a browser worker and
 * in Node alike.
 */
import { createDataProperty, WeakMapPrototypeGet, WeakMapPrototypeSet } from './primordials.ts';

/** Where a job runs: the loop passes an opaque context (the current task) so jobs run attributed to whoever scheduled them. */
export interface PromiseHost {
  /**
   * Enqueue a microtask job: `job(arg)` runs later. `context` is the value
   * returned by captureContext() when the job's reaction was registered (for
   * reaction jobs: at then() time; for thenable jobs: at resolve time). The
   * argument lets reaction jobs share one function instead of a closure each.
   */
  enqueueJob<A>(job: (arg: A) => void, arg: A, context: unknown): void;
  /** Called synchronously at then()/resolve time to capture the current context. */
  captureContext(): unknown;
  /**
   * HostPromiseRejectionTracker. `'reject'` is reported when a promise is
   * rejected while it has no handlers; `'handle'` when a handler is added to a
   * rejected promise that had none. `reason` is the rejection reason (given
   * for both operations).
   */
  trackRejection?(promise: object, operation: 'reject' | 'handle', reason?: unknown): void;
}

/** State of one of our promises, as read by {@link promiseState}. */
export interface PromiseStateInfo {
  /** [[PromiseState]]. */
  state: 'pending' | 'fulfilled' | 'rejected';
  /** [[PromiseResult]] (absent while pending). */
  value?: unknown;
}

type AnyFn = (...args: any[]) => any;
type Ctor = new (...args: any[]) => any;

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

/** Per-class data: the host and the intrinsic %Promise% of that class. */
interface Realm {
  host: PromiseHost;
  P: Ctor;
}

/** Marks a reaction whose handlers take only the settled value (every reaction user code makes). */
const NO_ARG: unique symbol = Symbol('no internal argument');

/** A PromiseReaction pair (fulfill + reject share capability and context). */
class Reaction {
  /** Derived promise created on the fast path (capability of %Promise%), resolved internally. */
  promise: Slots | undefined;
  /** Capability resolve for non-intrinsic constructors (undefined on the fast path). */
  resolve: AnyFn | undefined;
  /** Capability reject for non-intrinsic constructors. */
  reject: AnyFn | undefined;
  onFulfilled: AnyFn | undefined;
  onRejected: AnyFn | undefined;
  context: unknown;
  next: Reaction | undefined;
  /** Second argument of the handlers of an internal await (the frame or task it resumes), or NO_ARG. */
  arg: unknown;
  /** Set when the reaction's job is queued: which handler runs and with what. */
  kind = PENDING;
  argument: unknown = undefined;
  constructor(
    promise: Slots | undefined,
    resolve: AnyFn | undefined,
    reject: AnyFn | undefined,
    onFulfilled: AnyFn | undefined,
    onRejected: AnyFn | undefined,
    context: unknown,
    arg: unknown,
  ) {
    this.arg = arg;
    this.promise = promise;
    this.resolve = resolve;
    this.reject = reject;
    this.onFulfilled = onFulfilled;
    this.onRejected = onRejected;
    this.context = context;
    this.next = undefined;
  }
}

const apply = Reflect.apply;
const isArray = Array.isArray;
const fnToString = Function.prototype.toString;
const functionToString = (f: AnyFn): string => apply(fnToString, f, []) as string;
const defineProperty = Object.defineProperty;
const ProxyCtor = Proxy;
const AggregateErrorCtor = AggregateError;
const TypeErrorCtor = TypeError;
const speciesSymbol: typeof Symbol.species = Symbol.species;
/** An empty iterable with its own methods, immune to patches of Array.prototype. */
const iteratorSymbol: typeof Symbol.iterator = Symbol.iterator;
const EMPTY_ITERABLE: Iterable<unknown> = {
  [Symbol.iterator]: () => ({ next: () => ({ done: true, value: undefined }) }),
};

/** Returns its argument: calling through it keeps a function anonymous (name ""), like the spec's built-in closures. */
function unnamed<F>(f: F): F {
  return f;
}

/** ECMA-262's "is an Object": objects and functions, not null. */
export function isObject(x: unknown): x is object {
  return (typeof x === 'object' && x !== null) || typeof x === 'function';
}

/** Renders a value the way V8's TypeError messages do, without running user code. */
function describe(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'function') {
    try {
      return functionToString(x as AnyFn);
    } catch {
      return 'function';
    }
  }
  if (typeof x === 'object' && x !== null) return isArray(x) ? '[object Array]' : '#<Object>';
  return String(x);
}

const constructTrap = { construct: (): object => ({}) };
/** IsConstructor without observable side effects (a Proxy only has [[Construct]] if its target does). */
function isConstructor(f: unknown): f is Ctor {
  if (typeof f !== 'function') return false;
  try {
    new (new ProxyCtor(f as Ctor, constructTrap))();
    return true;
  } catch {
    return false;
  }
}

/** Base whose constructor returns its argument, so a subclass stamps its private fields onto any object (here: Slots). */
class Stamp {
  constructor(o: object) {
    return o;
  }
}

/**
 * Holder of the internal slots. `new Slots(o, realm)` adds the private fields
 * to `o` (our promise); all algorithms touching the slots are static members.
 */
class Slots extends Stamp {
  #state: number = PENDING;
  #result: unknown = undefined;
  #head: Reaction | undefined = undefined;
  #tail: Reaction | undefined = undefined;
  #handled = false;
  #realm: Realm;

  constructor(o: object, realm: Realm) {
    super(o);
    this.#realm = realm;
  }

  /** IsPromise. */
  static is(x: unknown): x is Slots {
    return isObject(x) && #state in x;
  }

  static realmOf(p: Slots): Realm {
    return p.#realm;
  }

  static inspect(p: unknown): PromiseStateInfo | undefined {
    if (!Slots.is(p)) return undefined;
    const s = p.#state;
    if (s === PENDING) return { state: 'pending' };
    return { state: s === FULFILLED ? 'fulfilled' : 'rejected', value: p.#result };
  }

  /** FulfillPromise. */
  static fulfill(p: Slots, value: unknown): void {
    const head = p.#head;
    p.#head = p.#tail = undefined;
    p.#result = value;
    p.#state = FULFILLED;
    if (head !== undefined) Slots.trigger(p.#realm.host, head, FULFILLED, value);
  }

  /** RejectPromise (with HostPromiseRejectionTracker "reject"). */
  static reject(p: Slots, reason: unknown): void {
    const head = p.#head;
    p.#head = p.#tail = undefined;
    p.#result = reason;
    p.#state = REJECTED;
    const host = p.#realm.host;
    if (!p.#handled && host.trackRejection !== undefined) host.trackRejection(p, 'reject', reason);
    if (head !== undefined) Slots.trigger(host, head, REJECTED, reason);
  }

  /** TriggerPromiseReactions. */
  static trigger(host: PromiseHost, head: Reaction, kind: number, argument: unknown): void {
    let r: Reaction | undefined = head;
    while (r !== undefined) {
      const next: Reaction | undefined = r.next;
      r.next = undefined;
      enqueueReactionJob(host, r, kind, argument);
      r = next;
    }
  }

  /** PerformPromiseThen. */
  static performThen(
    p: Slots,
    onFulfilled: unknown,
    onRejected: unknown,
    derived: Slots | undefined,
    resolve: AnyFn | undefined,
    reject: AnyFn | undefined,
    arg: unknown = NO_ARG,
  ): void {
    const host = p.#realm.host;
    const reaction = new Reaction(
      derived,
      resolve,
      reject,
      typeof onFulfilled === 'function' ? (onFulfilled as AnyFn) : undefined,
      typeof onRejected === 'function' ? (onRejected as AnyFn) : undefined,
      host.captureContext(),
      arg,
    );
    const state = p.#state;
    if (state === PENDING) {
      const tail = p.#tail;
      if (tail === undefined) p.#head = reaction;
      else tail.next = reaction;
      p.#tail = reaction;
    } else if (state === FULFILLED) {
      enqueueReactionJob(host, reaction, FULFILLED, p.#result);
    } else {
      if (!p.#handled && host.trackRejection !== undefined) host.trackRejection(p, 'handle', p.#result);
      enqueueReactionJob(host, reaction, REJECTED, p.#result);
    }
    p.#handled = true;
  }

  /** Pending with no reactions yet (nobody has called then on it, nothing awaits it). */
  static unobserved(p: Slots): boolean {
    return p.#state === PENDING && p.#head === undefined;
  }

  /** Set [[PromiseIsHandled]], as PerformPromiseThen does. */
  static markHandled(p: Slots): void {
    p.#handled = true;
  }

  /**
   * Add an internal reaction at the head of a pending promise's list: it runs
   * first, as if it had been registered before every other reaction.
   */
  static prependThen(p: Slots, onFulfilled: AnyFn, onRejected: AnyFn, arg: unknown, context: unknown): void {
    const reaction = new Reaction(undefined, undefined, undefined, onFulfilled, onRejected, context, arg);
    reaction.next = p.#head;
    p.#head = reaction;
    if (p.#tail === undefined) p.#tail = reaction;
    p.#handled = true;
  }

  /** The steps of a Promise Resolve Function after the [[AlreadyResolved]] check. */
  static resolve(p: Slots, resolution: unknown): void {
    if (resolution === p) {
      Slots.reject(p, new TypeErrorCtor('Chaining cycle detected for promise #<Promise>'));
      return;
    }
    if (!isObject(resolution)) {
      Slots.fulfill(p, resolution);
      return;
    }
    let then: unknown;
    try {
      then = (resolution as { then?: unknown }).then;
    } catch (e) {
      Slots.reject(p, e);
      return;
    }
    if (typeof then !== 'function') {
      Slots.fulfill(p, resolution);
      return;
    }
    const host = p.#realm.host;
    host.enqueueJob(() => thenableJob(p, resolution, then as AnyFn), undefined, host.captureContext());
  }
}

/** HostEnqueuePromiseJob(NewPromiseReactionJob(reaction, argument)). */
function enqueueReactionJob(host: PromiseHost, r: Reaction, kind: number, argument: unknown): void {
  // A reaction is triggered at most once, so it can carry its job's operands.
  r.kind = kind;
  r.argument = argument;
  host.enqueueJob(reactionJob, r, r.context);
}

/** NewPromiseReactionJob's job body. */
function reactionJob(r: Reaction): void {
  const kind = r.kind;
  const argument = r.argument;
  r.argument = undefined;
  const handler = kind === FULFILLED ? r.onFulfilled : r.onRejected;
  let value = argument;
  let ok = kind === FULFILLED;
  if (handler !== undefined) {
    try {
      value = r.arg === NO_ARG ? handler(argument) : handler(argument, r.arg);
      ok = true;
    } catch (e) {
      value = e;
      ok = false;
    }
  }
  const derived = r.promise;
  if (derived !== undefined) {
    if (ok) Slots.resolve(derived, value);
    else Slots.reject(derived, value);
    return;
  }
  const f = ok ? r.resolve : r.reject;
  if (f !== undefined) f(value);
}

/** NewPromiseResolveThenableJob's job body. */
function thenableJob(p: Slots, thenable: unknown, then: AnyFn): void {
  let alreadyResolved = false;
  const resolve = unnamed((resolution: unknown): void => {
    if (alreadyResolved) return;
    alreadyResolved = true;
    Slots.resolve(p, resolution);
  });
  const reject = unnamed((reason: unknown): void => {
    if (alreadyResolved) return;
    alreadyResolved = true;
    Slots.reject(p, reason);
  });
  try {
    apply(then, thenable, [resolve, reject]);
  } catch (e) {
    reject(e);
  }
}

/** Promise constructor steps 8-11: CreateResolvingFunctions and call the executor. */
function runExecutor(p: Slots, executor: AnyFn): void {
  let alreadyResolved = false;
  const resolve = unnamed((resolution: unknown): void => {
    if (alreadyResolved) return;
    alreadyResolved = true;
    Slots.resolve(p, resolution);
  });
  const reject = unnamed((reason: unknown): void => {
    if (alreadyResolved) return;
    alreadyResolved = true;
    Slots.reject(p, reason);
  });
  try {
    executor(resolve, reject);
  } catch (e) {
    reject(e);
  }
}

/** A PromiseCapability Record. */
interface Capability {
  promise: any;
  resolve: AnyFn;
  reject: AnyFn;
}

/** NewPromiseCapability(C). `caller` names the operation in V8's message for a non-object C. */
function newPromiseCapability(C: unknown, caller: string): Capability {
  if (!isConstructor(C)) {
    throw new TypeErrorCtor(isObject(C) ? `${describe(C)} is not a constructor` : `${caller} called on non-object`);
  }
  let resolve: unknown;
  let reject: unknown;
  const executor = unnamed((res: unknown, rej: unknown): void => {
    if (resolve !== undefined || reject !== undefined) {
      throw new TypeErrorCtor('Promise executor has already been invoked with non-undefined arguments');
    }
    resolve = res;
    reject = rej;
  });
  const promise = new C(executor);
  if (typeof resolve !== 'function' || typeof reject !== 'function') {
    throw new TypeErrorCtor('Promise resolve or reject function is not callable');
  }
  return { promise, resolve: resolve as AnyFn, reject: reject as AnyFn };
}

/** SpeciesConstructor(O, defaultConstructor). */
function speciesConstructor(o: object, defaultConstructor: Ctor): unknown {
  const C = (o as { constructor?: unknown }).constructor;
  if (C === undefined) return defaultConstructor;
  if (!isObject(C)) throw new TypeErrorCtor('The .constructor property is not an object');
  const S = (C as { [Symbol.species]?: unknown })[speciesSymbol];
  if (S === undefined || S === null) return defaultConstructor;
  if (S === defaultConstructor || isConstructor(S)) return S;
  throw new TypeErrorCtor('object.constructor[Symbol.species] is not a constructor');
}

/** Sentinel executor: `new P(INTERNAL)` makes a bare pending promise (never reachable from user code). */
const INTERNAL = unnamed((): void => {});

/** PromiseResolve(C, x). */
function promiseResolve(realm: Realm, C: unknown, x: unknown): any {
  if (Slots.is(x)) {
    const xConstructor = (x as { constructor?: unknown }).constructor;
    if (xConstructor === C) return x;
  }
  if (C === realm.P) {
    const p = new realm.P(INTERNAL) as Slots;
    Slots.resolve(p, x);
    return p;
  }
  const cap = newPromiseCapability(C, 'PromiseResolve');
  const f = cap.resolve;
  f(x);
  return cap.promise;
}

/** GetPromiseResolve(C). */
function getPromiseResolve(C: unknown): AnyFn {
  const r = (C as { resolve?: unknown }).resolve;
  if (typeof r !== 'function') throw new TypeErrorCtor('resolve is not a function');
  return r as AnyFn;
}

function rejectCapability(cap: Capability, e: unknown): any {
  const f = cap.reject;
  f(e);
  return cap.promise;
}

/** Invoke(nextPromise, "then", args): a normal method call (GetV + Call). */
function invokeThen(x: any, a: unknown, b: unknown): void {
  x.then(a, b);
}

/** Promise.all / allSettled / any / race share this frame: capability, GetPromiseResolve, GetIterator and the loop. */
type Combinator = 0 | 1 | 2 | 3;
const ALL = 0;
const ALL_SETTLED = 1;
const ANY = 2;
const RACE = 3;

const COMBINATOR_NAMES = ['Promise.all', 'Promise.allSettled', 'Promise.any', 'Promise.race'];

/** V8's rendering of a value in "is not iterable" / "is not a function" messages. */
function describeTyped(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (x === null) return 'object null';
  const t = typeof x;
  if (t === 'object' || t === 'function' || t === 'symbol') return t;
  return `${t} ${String(x)}`;
}

/** GetIterator(obj, sync) followed by the Get of "next" (GetIteratorFromMethod). */
function getIterator(obj: unknown): { iterator: object; next: unknown } {
  const method = obj === undefined || obj === null ? undefined : (obj as { [Symbol.iterator]?: unknown })[iteratorSymbol];
  if (typeof method !== 'function') {
    // GetMethod throws for a non-callable, non-nullish method; GetIterator for undefined.
    throw new TypeErrorCtor(`${describeTyped(obj)} is not iterable (cannot read property Symbol(Symbol.iterator))`);
  }
  const iterator: unknown = apply(method, obj, []);
  if (!isObject(iterator)) throw new TypeErrorCtor('Result of the Symbol.iterator method is not an object');
  return { iterator, next: (iterator as { next?: unknown }).next };
}

/** IteratorClose(iteratorRecord, throwCompletion): errors of `return` are ignored in favour of the original throw. */
function closeIterator(iterator: object): void {
  try {
    const ret = (iterator as { return?: unknown }).return;
    if (ret !== undefined && ret !== null) apply(ret as AnyFn, iterator, []);
  } catch {
    // The original throw completion wins.
  }
}

/** Returns DONE when the iterator is exhausted (IteratorStepValue). Any throw means [[Done]] = true. */
const DONE: unique symbol = Symbol('done');
function iteratorStepValue(iterator: object, next: unknown): unknown {
  if (typeof next !== 'function') throw new TypeErrorCtor(`${describeTyped(next)} is not a function`);
  const result: unknown = apply(next, iterator, []);
  if (!isObject(result)) throw new TypeErrorCtor(`Iterator result ${describe(result)} is not an object`);
  if ((result as { done?: unknown }).done) return DONE;
  return (result as { value?: unknown }).value;
}

function combinator(C: unknown, iterable: unknown, kind: Combinator): any {
  const cap = newPromiseCapability(C, COMBINATOR_NAMES[kind]);
  let promiseResolveFn: AnyFn;
  let record: { iterator: object; next: unknown };
  try {
    promiseResolveFn = getPromiseResolve(C);
    record = getIterator(iterable);
  } catch (e) {
    return rejectCapability(cap, e);
  }
  const iterator = record.iterator;
  const nextMethod = record.next;
  // PerformPromiseAll / AllSettled / Any / Race.
  const values: unknown[] = [];
  const remaining = { value: 1 };
  let index = 0;
  for (;;) {
    let next: unknown;
    try {
      next = iteratorStepValue(iterator, nextMethod);
    } catch (e) {
      // [[Done]] is true: no IteratorClose.
      return rejectCapability(cap, e);
    }
    if (next === DONE) break;
    try {
      if (kind === RACE) {
        const nextPromise = apply(promiseResolveFn, C, [next]);
        invokeThen(nextPromise, cap.resolve, cap.reject);
        continue;
      }
      createDataProperty(values, index, undefined);
      const nextPromise = apply(promiseResolveFn, C, [next]);
      if (kind === ALL) {
        const onFulfilled = makeAllResolveElement(index, values, cap, remaining);
        remaining.value++;
        invokeThen(nextPromise, onFulfilled, cap.reject);
      } else if (kind === ALL_SETTLED) {
        const alreadyCalled = { value: false };
        const onFulfilled = makeSettledElement(index, values, cap, remaining, alreadyCalled, true);
        const onRejected = makeSettledElement(index, values, cap, remaining, alreadyCalled, false);
        remaining.value++;
        invokeThen(nextPromise, onFulfilled, onRejected);
      } else {
        const onRejected = makeAnyRejectElement(index, values, cap, remaining);
        remaining.value++;
        invokeThen(nextPromise, cap.resolve, onRejected);
      }
      index++;
    } catch (e) {
      closeIterator(iterator);
      return rejectCapability(cap, e);
    }
  }
  if (kind !== RACE && --remaining.value === 0) {
    try {
      if (kind === ANY) {
        // The spec returns a throw completion here; Promise.any rejects the capability with it.
        throw aggregateError(values);
      }
      const f = cap.resolve;
      f(values);
    } catch (e) {
      return rejectCapability(cap, e);
    }
  }
  return cap.promise;
}

function makeAllResolveElement(index: number, values: unknown[], cap: Capability, remaining: { value: number }): AnyFn {
  let alreadyCalled = false;
  return unnamed((x: unknown): void => {
    if (alreadyCalled) return;
    alreadyCalled = true;
    createDataProperty(values, index, x);
    if (--remaining.value === 0) {
      const f = cap.resolve;
      f(values);
    }
  });
}

function makeSettledElement(
  index: number,
  values: unknown[],
  cap: Capability,
  remaining: { value: number },
  alreadyCalled: { value: boolean },
  fulfilled: boolean,
): AnyFn {
  return unnamed((x: unknown): void => {
    if (alreadyCalled.value) return;
    alreadyCalled.value = true;
    createDataProperty(values, index, fulfilled ? { status: 'fulfilled', value: x } : { status: 'rejected', reason: x });
    if (--remaining.value === 0) {
      const f = cap.resolve;
      f(values);
    }
  });
}

function makeAnyRejectElement(index: number, errors: unknown[], cap: Capability, remaining: { value: number }): AnyFn {
  let alreadyCalled = false;
  return unnamed((x: unknown): void => {
    if (alreadyCalled) return;
    alreadyCalled = true;
    createDataProperty(errors, index, x);
    if (--remaining.value === 0) {
      const f = cap.reject;
      f(aggregateError(errors));
    }
  });
}

function aggregateError(errors: unknown[]): Error {
  const error = new AggregateErrorCtor(EMPTY_ITERABLE, 'All promises were rejected');
  defineProperty(error, 'errors', { configurable: true, enumerable: false, writable: true, value: errors });
  return error;
}

/**
 * Make a fresh Promise class bound to a host (one per run). The class is a
 * drop-in global Promise: `new P(executor)`, the statics
 * resolve/reject/all/allSettled/race/any/withResolvers/try, prototype
 * then/catch/finally, `Symbol.toStringTag` 'Promise', `Symbol.species`,
 * subclassable, and usable by esbuild's lowered `async`/`await`.
 * Reaction jobs are enqueued on `host` with the context captured at `then()`
 * time; thenable jobs with the context captured at resolve time.
 */
export function createPromiseClass(host: PromiseHost): PromiseConstructor {
  const realm: Realm = { host, P: undefined as unknown as Ctor };

  const P = class Promise {
    constructor(executor: unknown) {
      if (executor === INTERNAL) {
        new Slots(this, realm);
        return;
      }
      if (typeof executor !== 'function') throw new TypeErrorCtor(`Promise resolver ${describe(executor)} is not a function`);
      new Slots(this, realm);
      runExecutor(this as unknown as Slots, executor as AnyFn);
    }

    then(onFulfilled: unknown, onRejected: unknown): any {
      const promise: unknown = this;
      if (!Slots.is(promise)) {
        throw new TypeErrorCtor(`Method Promise.prototype.then called on incompatible receiver ${describe(promise)}`);
      }
      const C = speciesConstructor(promise, P);
      if (C === P) {
        const derived = new P(INTERNAL) as unknown as Slots;
        Slots.performThen(promise, onFulfilled, onRejected, derived, undefined, undefined);
        return derived;
      }
      const cap = newPromiseCapability(C, 'Promise.prototype.then');
      Slots.performThen(promise, onFulfilled, onRejected, undefined, cap.resolve, cap.reject);
      return cap.promise;
    }

    catch(onRejected: unknown): any {
      return (this as any).then(undefined, onRejected);
    }

    finally(onFinally: unknown): any {
      const promise: unknown = this;
      if (!isObject(promise)) throw new TypeErrorCtor('Promise.prototype.finally called on non-object');
      const C = speciesConstructor(promise, P);
      let thenFinally: unknown;
      let catchFinally: unknown;
      if (typeof onFinally !== 'function') {
        thenFinally = onFinally;
        catchFinally = onFinally;
      } else {
        const f = onFinally as AnyFn;
        thenFinally = unnamed((value: unknown): any => {
          const result = f();
          const p = promiseResolve(realm, C, result);
          const valueThunk = unnamed((): unknown => value);
          return p.then(valueThunk);
        });
        catchFinally = unnamed((reason: unknown): any => {
          const result = f();
          const p = promiseResolve(realm, C, result);
          const thrower = unnamed((): never => {
            throw reason;
          });
          return p.then(thrower);
        });
      }
      return (promise as any).then(thenFinally, catchFinally);
    }

    static resolve(x: unknown): any {
      const C: unknown = this;
      if (!isObject(C)) throw new TypeErrorCtor('PromiseResolve called on non-object');
      return promiseResolve(realm, C, x);
    }

    static reject(r: unknown): any {
      const C: unknown = this;
      if (C === P) {
        const p = new P(INTERNAL) as unknown as Slots;
        Slots.reject(p, r);
        return p;
      }
      const cap = newPromiseCapability(C, 'PromiseReject');
      return rejectCapability(cap, r);
    }

    static all(iterable: unknown): any {
      return combinator(this, iterable, ALL);
    }

    static allSettled(iterable: unknown): any {
      return combinator(this, iterable, ALL_SETTLED);
    }

    static any(iterable: unknown): any {
      return combinator(this, iterable, ANY);
    }

    static race(iterable: unknown): any {
      return combinator(this, iterable, RACE);
    }

    static withResolvers(): any {
      const cap = newPromiseCapability(this, 'Promise.withResolvers');
      return { promise: cap.promise, resolve: cap.resolve, reject: cap.reject };
    }

    static try(callbackfn: unknown, ...args: unknown[]): any {
      const C: unknown = this;
      if (!isObject(C)) throw new TypeErrorCtor('Promise.try called on non-object');
      const cap = newPromiseCapability(C, 'Promise.try');
      let value: unknown;
      try {
        if (typeof callbackfn !== 'function') throw new TypeErrorCtor(`${describe(callbackfn)} is not a function`);
        value = apply(callbackfn, undefined, args);
      } catch (e) {
        return rejectCapability(cap, e);
      }
      const f = cap.resolve;
      f(value);
      return cap.promise;
    }

    static get [Symbol.species](): unknown {
      return this;
    }
  };

  defineProperty(P.prototype, Symbol.toStringTag, {
    value: 'Promise',
    writable: false,
    enumerable: false,
    configurable: true,
  });
  realm.P = P as unknown as Ctor;
  WeakMapPrototypeSet(realms, P, realm);
  return P as unknown as PromiseConstructor;
}

const realms = new WeakMap<object, Realm>();

/**
 * The spec's Await(value) for lowered code: PromiseResolve(%Promise%, value)
 * then PerformPromiseThen with no derived promise. Unlike
 * `P.resolve(v).then(a, b)` it never reads a `then` property of one of our
 * promises (V8's await does not either) and allocates no result promise.
 */
export function makeAwait(P: PromiseConstructor): AwaitFn {
  const realm = (WeakMapPrototypeGet(realms, P) as Realm | undefined);
  if (realm === undefined) throw new TypeError('makeAwait needs a class made by createPromiseClass');
  return (value: unknown, onFulfilled: (v: any, arg: any) => void, onRejected: (e: unknown, arg: any) => void, arg: unknown = NO_ARG) => {
    const promise = promiseResolve(realm, P, value) as Slots;
    Slots.performThen(promise, onFulfilled, onRejected, undefined, undefined, undefined, arg);
  };
}

/**
 * Await `value`, then call `onFulfilled(value, arg)` or `onRejected(reason, arg)`
 * in a reaction job. With `arg`, the runtime's frames and tasks pass shared
 * functions and themselves instead of a pair of closures per await.
 */
export type AwaitFn = {
  (value: unknown, onFulfilled: (v: any) => void, onRejected: (e: any) => void): void;
  <A>(value: unknown, onFulfilled: (v: any, arg: A) => void, onRejected: (e: any, arg: A) => void, arg: A): void;
};

/** Make, resolve and reject promises of one class without resolving functions (for the async-function driver). */
export interface PromiseInternals {
  /** A new pending promise of the class. */
  create(): Promise<unknown>;
  /** The steps of its resolve function (the caller guarantees it is called once). */
  resolve(promise: Promise<unknown>, resolution: unknown): void;
  /** The steps of its reject function (the caller guarantees it is called once). */
  reject(promise: Promise<unknown>, reason: unknown): void;
  /** True if the promise is pending and has no reactions yet. */
  unobserved(promise: Promise<unknown>): boolean;
  /** Mark the promise handled now (as `then` would), for a reaction that `prependThen` adds later. */
  markHandled(promise: Promise<unknown>): void;
  /**
   * Add `onFulfilled(value, arg)` / `onRejected(reason, arg)` as the first
   * reaction of a pending promise, its job attributed to `context`. A caller
   * that checked `unobserved` and called `markHandled` earlier can add its
   * reaction late - when the promise is about to settle - with the same
   * effect as adding it then.
   */
  prependThen<A>(promise: Promise<unknown>, onFulfilled: (v: any, arg: A) => void, onRejected: (e: any, arg: A) => void, arg: A, context: unknown): void;
}

/**
 * Internal access for the async-function driver: an async function's promise
 * is settled exactly once by the driver, so the two resolving functions (and
 * their shared [[AlreadyResolved]] record) the spec creates for it cannot be
 * observed and need not be allocated.
 */
export function promiseInternals(P: PromiseConstructor): PromiseInternals {
  const realm = (WeakMapPrototypeGet(realms, P) as Realm | undefined);
  if (realm === undefined) throw new TypeError('promiseInternals needs a class made by createPromiseClass');
  const C = realm.P;
  return {
    create: () => new C(INTERNAL),
    resolve: (promise, resolution) => Slots.resolve(promise as unknown as Slots, resolution),
    reject: (promise, reason) => Slots.reject(promise as unknown as Slots, reason),
    unobserved: (promise) => Slots.unobserved(promise as unknown as Slots),
    markHandled: (promise) => Slots.markHandled(promise as unknown as Slots),
    prependThen: (promise, onFulfilled, onRejected, arg, context) =>
      Slots.prependThen(promise as unknown as Slots, onFulfilled, onRejected, arg, context),
  };
}

/** True if `x` is a promise made by a class from {@link createPromiseClass} (IsPromise, without allocating). */
export function isLoopPromise(x: unknown): boolean {
  return Slots.is(x);
}

/**
 * Read the internal state of a promise made by a class from
 * {@link createPromiseClass} (for formatters). Returns undefined for any other
 * value, including native promises.
 */
export function promiseState(p: unknown): PromiseStateInfo | undefined {
  return Slots.inspect(p);
}

/**
 * What a lowered async function or async generator function looks like to the
 * program: the compiler (compiler/lowered-functions.ts) passes each one to
 * `__lowered`, which gives it the [[Prototype]] Node gives it -
 * %AsyncFunction.prototype% or %AsyncGeneratorFunction.prototype%, made here
 * per run with the `constructor` and `Symbol.toStringTag` a program can read in
 * Node - the name NamedEvaluation gives it where the compiler had to wrap it,
 * and an async generator function its own `prototype` object (inheriting from
 * the run's async-generator prototype, whose `constructor` is
 * %AsyncGeneratorFunction.prototype%, as in Node).
 *
 * %AsyncFunction% and %AsyncGeneratorFunction% exist (`constructor` of those
 * prototypes) but cannot make a function from source text: the loop runs only
 * code the compiler lowered, so calling them throws (src/runtime/README.md
 * lists it among what differs from Node).
 * Tests: tests/runtime/lowered-functions.test.ts.
 */
import { descriptor, ObjectDefineProperty, ObjectSetPrototypeOf, ReflectGetOwnPropertyDescriptor } from './primordials.ts';
import { isObject } from './promise.ts';
import { LOWERED_KIND } from '../contract/program.ts';

/** The helpers compiled code calls (contract ProgramHelpers: lowered, loweredMethods, forAwaitResult). */
export interface FunctionShapes {
  lowered<F extends object>(fn: F, kind: number, name?: string): F;
  loweredMethods<T extends object>(target: T, isClass: number, entries: ReadonlyArray<string | number>): T;
  forAwaitResult<T>(result: T): T;
}

const FunctionPrototype = Function.prototype;
const FunctionCtor = Function;

/** A constructor of the realm's that cannot compile source text here (see the module comment). */
function makeConstructor(name: string, prototype: object): (...args: unknown[]) => never {
  const ctor = {
    [name](..._args: unknown[]): never {
      throw new TypeError(`${name}: miniloop cannot make a function from source text (only code it compiled runs on the loop)`);
    },
  }[name]!;
  ObjectSetPrototypeOf(ctor, FunctionCtor);
  ObjectDefineProperty(ctor, 'length', descriptor({ value: 1, configurable: true }));
  ObjectDefineProperty(ctor, 'prototype', descriptor({ value: prototype }));
  return ctor;
}

/** A %…Function.prototype% object: inherits from Function.prototype, with `constructor` and the tag. */
function makeFunctionPrototype(name: string, ownPrototype?: object): object {
  const proto = ObjectSetPrototypeOf({}, FunctionPrototype) as object;
  if (ownPrototype !== undefined) ObjectDefineProperty(proto, 'prototype', descriptor({ value: ownPrototype, configurable: true }));
  ObjectDefineProperty(proto, 'constructor', descriptor({ value: makeConstructor(name, proto), configurable: true }));
  ObjectDefineProperty(proto, Symbol.toStringTag, descriptor({ value: name, configurable: true }));
  return proto;
}

/**
 * The `__lowered`/`__loweredMethods`/`__forAwaitResult` helpers of one run; `asyncGeneratorPrototype` is what its async generators inherit from;
 * `directShell` hears of each async function whose shell is direct (LOWERED_KIND.DIRECT: driver.ts, Driver.directShell).
 */
export function makeFunctionShapes(asyncGeneratorPrototype: object, directShell: (fn: object) => void): FunctionShapes {
  const asyncFunctionPrototype = makeFunctionPrototype('AsyncFunction');
  const asyncGeneratorFunctionPrototype = makeFunctionPrototype('AsyncGeneratorFunction', asyncGeneratorPrototype);
  ObjectDefineProperty(asyncGeneratorPrototype, 'constructor', descriptor({ value: asyncGeneratorFunctionPrototype, configurable: true }));

  const lowered = <F extends object>(fn: F, kind: number, name?: string): F => {
    const generator = (kind & LOWERED_KIND.ASYNC_GENERATOR) !== 0;
    ObjectSetPrototypeOf(fn, generator ? asyncGeneratorFunctionPrototype : asyncFunctionPrototype);
    // A direct shell of an async function (LOWERED_KIND.DIRECT): see driver.ts, Driver.directShell.
    if (!generator && (kind & LOWERED_KIND.DIRECT) !== 0) directShell(fn);
    if (name !== undefined) ObjectDefineProperty(fn, 'name', descriptor({ value: name, configurable: true }));
    if (generator) ObjectDefineProperty(fn, 'prototype', descriptor({ value: ObjectSetPrototypeOf({}, asyncGeneratorPrototype), writable: true }));
    return fn;
  };

  return {
    lowered,
    loweredMethods<T extends object>(target: T, isClass: number, entries: ReadonlyArray<string | number>): T {
      for (let i = 0; i + 1 < entries.length; i += 2) {
        const kind = entries[i + 1] as number;
        const holder: unknown = isClass === 1 && (kind & LOWERED_KIND.STATIC) === 0 ? ReflectGetOwnPropertyDescriptor(target, 'prototype')?.value : target;
        if (!isObject(holder)) continue;
        const method: unknown = ReflectGetOwnPropertyDescriptor(holder, entries[i]!)?.value;
        if (typeof method === 'function') lowered(method, kind);
      }
      return target;
    },
    forAwaitResult<T>(result: T): T {
      if (!isObject(result)) throw new TypeError(`Iterator result ${String(result)} is not an object`);
      return result;
    },
  };
}

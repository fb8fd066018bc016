/**
 * The intrinsics the runtime uses, captured when this module loads - before
 * any program runs - after Node's lib/internal/per_context/primordials.js.
 *
 * A program runs in the same realm as the runtime, so it can replace
 * `Array.prototype.push`, `Array.prototype[Symbol.iterator]`,
 * `Function.prototype.call`, `Promise.prototype.then`, put a setter on
 * `Array.prototype[0]`, and so on. The runtime's own code that runs while or
 * after a program runs (the loop's queues, the promise machinery, the
 * driver, the console, the result) therefore never calls a method a program
 * can reach: it calls the captured functions below (`uncurryThis(f)(self,
 * ...args)` is `f.call(self, ...args)` without looking up `call`), keeps its
 * lists in {@link list}s (arrays without a prototype, so an index write
 * cannot meet an inherited setter), and writes arrays a program will see with
 * {@link createDataProperty} (the spec's CreateDataProperty, not [[Set]]).
 *
 * Patches a program makes are undone when its run ends ({@link snapshotIntrinsics}),
 * so the host (the CLI, a test runner, the next run in a worker) sees the
 * realm it had. Tests: tests/runtime/primordials.test.ts.
 */

const ReflectApplyCaptured = Reflect.apply;
const SetCtor = Set;
const bind = Function.prototype.bind;
const call = Function.prototype.call;

/** `uncurryThis(Array.prototype.push)(array, x)` is `array.push(x)` with the original push and call. */
export function uncurryThis<T, A extends unknown[], R>(fn: (this: T, ...args: A) => R): (self: T, ...args: A) => R {
  // bind.call(call, fn) is `call.bind(fn)`: calling it calls `fn` with its first argument as `this`.
  return ReflectApplyCaptured(bind, call, [fn]) as (self: T, ...args: A) => R;
}

export const ReflectApply = ReflectApplyCaptured;
export const ReflectConstruct = Reflect.construct;
export const ReflectOwnKeys = Reflect.ownKeys;
export const ReflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
export const ReflectDefineProperty = Reflect.defineProperty;
export const ReflectDeleteProperty = Reflect.deleteProperty;
export const ObjectDefineProperty = Object.defineProperty;
export const ObjectGetPrototypeOf = Object.getPrototypeOf;
export const ObjectSetPrototypeOf = Object.setPrototypeOf;
export const ObjectHasOwn = Object.hasOwn;
export const ObjectFreeze = Object.freeze;
export const ArrayIsArray = Array.isArray;
export const SymbolIterator: typeof Symbol.iterator = Symbol.iterator;
export const SymbolAsyncIterator: typeof Symbol.asyncIterator = Symbol.asyncIterator;
export const SymbolSpecies: typeof Symbol.species = Symbol.species;
export const JSONStringify = JSON.stringify;
export const MathMin = Math.min;
export const MathMax = Math.max;
export const StringPrototypeSplit = uncurryThis(String.prototype.split as (this: string, sep: string) => string[]);
export const StringPrototypeSlice = uncurryThis(String.prototype.slice);
export const StringPrototypeIndexOf = uncurryThis(String.prototype.indexOf);
export const ArrayPrototypeJoin = uncurryThis(Array.prototype.join as (this: unknown[], sep?: string) => string);
export const ArrayPrototypeSlice = uncurryThis(Array.prototype.slice as (this: unknown[], start?: number, end?: number) => unknown[]);
export const MapPrototypeGet = uncurryThis(Map.prototype.get as (this: Map<unknown, unknown>, key: unknown) => unknown);
export const MapPrototypeSet = uncurryThis(Map.prototype.set as (this: Map<unknown, unknown>, key: unknown, value: unknown) => Map<unknown, unknown>);
export const MapPrototypeHas = uncurryThis(Map.prototype.has as (this: Map<unknown, unknown>, key: unknown) => boolean);
export const MapPrototypeDelete = uncurryThis(Map.prototype.delete as (this: Map<unknown, unknown>, key: unknown) => boolean);
export const SetPrototypeAdd = uncurryThis(Set.prototype.add as (this: Set<unknown>, value: unknown) => Set<unknown>);
export const SetPrototypeDelete = uncurryThis(Set.prototype.delete as (this: Set<unknown>, value: unknown) => boolean);
export const SetPrototypeHas = uncurryThis(Set.prototype.has as (this: Set<unknown>, value: unknown) => boolean);
export const WeakMapPrototypeGet = uncurryThis(WeakMap.prototype.get as (this: WeakMap<object, unknown>, key: object) => unknown);
export const WeakMapPrototypeSet = uncurryThis(WeakMap.prototype.set as (this: WeakMap<object, unknown>, key: object, value: unknown) => WeakMap<object, unknown>);

const GeneratorPrototype = ObjectGetPrototypeOf(function* () {}).prototype as Generator;
/** %GeneratorPrototype%.next/throw/return: a lowered body is resumed through these, never through `gen.next`. */
export const GeneratorPrototypeNext = uncurryThis(GeneratorPrototype.next as (this: Generator, value?: unknown) => IteratorResult<unknown>);
export const GeneratorPrototypeThrow = uncurryThis(GeneratorPrototype.throw as (this: Generator, error: unknown) => IteratorResult<unknown>);
export const GeneratorPrototypeReturn = uncurryThis(GeneratorPrototype.return as (this: Generator, value?: unknown) => IteratorResult<unknown>);

/** The runtime's own list: an array with no prototype, so no program-installed method or setter reaches it. */
export type List<T> = T[];

/** A fresh {@link List}. Use index writes (`xs[xs.length] = x`) and `.length`; it has no methods. */
export function list<T>(): List<T> {
  return ObjectSetPrototypeOf([], null) as List<T>;
}

/**
 * A {@link List} made an ordinary array (Array.prototype again), to hand to a caller: its items
 * were written as own data properties, so a setter a program left on Array.prototype (say a
 * non-configurable one on index 0, which no restore can remove) never ran.
 * Test: tests/runtime/primordials.test.ts (setter on Array.prototype[0]).
 */
export function toArray<T>(xs: List<T>): T[] {
  return ObjectSetPrototypeOf(xs, ArrayPrototype) as T[];
}

const ArrayPrototype = Array.prototype;

/** Append `value` to a {@link List}. */
export function append<T>(xs: List<T>, value: T): void {
  xs[xs.length] = value;
}

/** Remove and return the first item of a {@link List} (queues here are short). */
export function shift<T>(xs: List<T>): T | undefined {
  const first = xs[0];
  const n = xs.length;
  for (let i = 1; i < n; i++) xs[i - 1] = xs[i]!;
  if (n > 0) xs.length = n - 1;
  return first;
}

/**
 * `d` with no prototype: a property descriptor is read with [[Get]], so one
 * that inherits from Object.prototype would pick up a `get` or `value` a
 * program put there (tests/runtime/primordials.test.ts, "a getter on Object.prototype").
 */
export function descriptor(d: PropertyDescriptor): PropertyDescriptor {
  ObjectSetPrototypeOf(d, null);
  return d;
}

/** The spec's CreateDataProperty: define, never [[Set]] (an inherited setter is not called). */
export function createDataProperty(target: object, key: PropertyKey, value: unknown): void {
  ReflectDefineProperty(target, key, descriptor({ value, writable: true, enumerable: true, configurable: true }));
}

/** A copy of a Set's or Map's keys as a {@link List}, taken with the captured iterator. */
export const SetPrototypeValues = uncurryThis(Set.prototype.values as (this: Set<unknown>) => IterableIterator<unknown>);
const SetIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Set().values()).next as (this: Iterator<unknown>) => IteratorResult<unknown>);
export const MapPrototypeValues = uncurryThis(Map.prototype.values as (this: Map<unknown, unknown>) => IterableIterator<unknown>);
const MapIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Map().values()).next as (this: Iterator<unknown>) => IteratorResult<unknown>);

/** The members of a Set, in insertion order, without the Set's (replaceable) iterator. */
export function setToList<T>(set: Set<T>): List<T> {
  const out = list<T>();
  const it = SetPrototypeValues(set as Set<unknown>);
  for (let r = SetIteratorNext(it); !r.done; r = SetIteratorNext(it)) append(out, r.value as T);
  return out;
}

/** The values of a Map, in insertion order, without the Map's (replaceable) iterator. */
export function mapValuesToList<V>(map: Map<unknown, V>): List<V> {
  const out = list<V>();
  const it = MapPrototypeValues(map as Map<unknown, unknown>);
  for (let r = MapIteratorNext(it); !r.done; r = MapIteratorNext(it)) append(out, r.value as V);
  return out;
}

/**
 * The objects whose properties a program is likely to patch and the runtime
 * or its host relies on. Their own properties (and the global object's) are
 * recorded before a run and put back after it.
 */
function guardedObjects(): object[] {
  const g = globalThis as unknown as Record<string, object>;
  const objects: object[] = [globalThis, Object, Function, Array, Promise, Symbol, Map, Set, WeakMap, WeakSet, String, Number, Boolean, JSON, Reflect, Error, TypeError, RangeError, RegExp, Math, Date];
  const n = objects.length;
  for (let i = 1; i < n; i++) {
    const p = (objects[i] as { prototype?: object }).prototype;
    if (p !== undefined) objects[objects.length] = p;
  }
  const iteratorProto = ObjectGetPrototypeOf(GeneratorPrototype) as object;
  objects[objects.length] = iteratorProto;
  objects[objects.length] = GeneratorPrototype;
  objects[objects.length] = ObjectGetPrototypeOf([][SymbolIterator]());
  objects[objects.length] = ObjectGetPrototypeOf(new Set().values());
  objects[objects.length] = ObjectGetPrototypeOf(new Map().values());
  objects[objects.length] = ObjectGetPrototypeOf(''[SymbolIterator]());
  objects[objects.length] = ObjectGetPrototypeOf(async function* () {}).prototype;
  if (g.Iterator !== undefined) objects[objects.length] = g.Iterator;
  return objects;
}

interface Snapshot {
  readonly target: object;
  readonly keys: PropertyKey[];
  /** undefined for an unrecorded global ({@link UNRECORDED_GLOBALS}). */
  readonly descriptors: (PropertyDescriptor | undefined)[];
  readonly proto: object | null;
}

const GUARDED = guardedObjects();

/**
 * Globals Node creates on first read, whose first read loads ~100 of Node's
 * own modules (fetch's classes, web streams, MessageChannel, Web Crypto's,
 * perf_hooks'; Node 24 adds CloseEvent, which loads fetch's undici too, 27 ms,
 * and the streams' queuing strategies):
 * tens of ms, most of the CLI's start-up (bench (d)). Reading a descriptor
 * reads the value, so their descriptors are not recorded; the runtime uses
 * none of them, and a program that replaces one keeps it for the rest of that
 * process. Held by tests/cli/start-up.test.ts (a run loads none of them; on
 * Node 24 with MINILOOP_TEST_NODE).
 */
const UNRECORDED_GLOBALS = new SetCtor<PropertyKey>([
  'FormData', 'Headers', 'Request', 'Response', 'MessageEvent', 'WebSocket',
  'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableByteStreamController', 'ReadableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController',
  'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream',
  'BroadcastChannel', 'MessageChannel', 'MessagePort', 'Crypto', 'CryptoKey', 'SubtleCrypto',
  'Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
  'PerformanceObserverEntryList', 'PerformanceResourceTiming',
  'CloseEvent', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
]);

function take(target: object): Snapshot {
  const keys = ReflectOwnKeys(target);
  const descriptors: (PropertyDescriptor | undefined)[] = list();
  for (let i = 0; i < keys.length; i++) {
    const unrecorded = target === globalThis && SetPrototypeHas(UNRECORDED_GLOBALS, keys[i]);
    append(descriptors, unrecorded ? undefined : descriptor(ReflectGetOwnPropertyDescriptor(target, keys[i]!)!));
  }
  return { target, keys, descriptors, proto: ObjectGetPrototypeOf(target) as object | null };
}

/**
 * Record the guarded intrinsics; the returned function puts every property a
 * program added, deleted or replaced back as it was (what it made
 * non-configurable, or froze, cannot be undone: the realm keeps it).
 */
export function snapshotIntrinsics(): () => void {
  const snapshots = list<Snapshot>();
  for (let i = 0; i < GUARDED.length; i++) append(snapshots, take(GUARDED[i]!));
  return () => {
    for (let s = 0; s < snapshots.length; s++) {
      const { target, keys, descriptors, proto } = snapshots[s]!;
      const had = new SetCtor<PropertyKey>();
      for (let i = 0; i < keys.length; i++) SetPrototypeAdd(had, keys[i]);
      const now = ReflectOwnKeys(target);
      for (let i = 0; i < now.length; i++) if (!SetPrototypeHas(had, now[i])) ReflectDeleteProperty(target, now[i]!);
      for (let i = 0; i < keys.length; i++) {
        const was = descriptors[i];
        if (was === undefined) continue; // UNRECORDED_GLOBALS
        const found = ReflectGetOwnPropertyDescriptor(target, keys[i]!);
        const is = found === undefined ? undefined : descriptor(found);
        if (is !== undefined && is.value === was.value && is.get === was.get && is.set === was.set && is.writable === was.writable && is.enumerable === was.enumerable) continue;
        ReflectDefineProperty(target, keys[i]!, was);
      }
      if (ObjectGetPrototypeOf(target) !== proto) {
        try {
          ObjectSetPrototypeOf(target, proto);
        } catch {
          // An immutable prototype (Object.prototype) or a frozen object: nothing to put back.
        }
      }
    }
  };
}

/** Map.prototype.forEach, captured: the runtime walks its own maps with it (asyncgen-registry.ts). */
export const MapPrototypeForEach = uncurryThis(Map.prototype.forEach as (this: Map<unknown, unknown>, fn: (value: unknown, key: unknown) => void) => void);

/**
 * Async generators for lowered code: replaces esbuild's `__asyncGenerator` and
 * `__await` helpers with the algorithm of the ECMAScript spec (AsyncGenerator
 * request queue, AsyncGeneratorYield awaiting the value, AsyncGeneratorAwaitReturn,
 * AsyncGeneratorDrainQueue), so the order of output equals V8's for programs
 * that interleave async generators with other promise work. esbuild's own
 * helper takes a different number of ticks for `return()` and queued requests
 * (tests/runtime/async-generator.test.ts compares both with native V8).
 *
 * Lowering (esbuild): the body becomes a sync generator where `await x` is
 * `yield new __await(x)`, `yield v` is `yield v`, and `yield* it` goes through
 * esbuild's `__yieldStar`, which yields `new __await(p, 1)` markers whose
 * results are iterator results. Known difference: `yield*` over an async
 * iterable takes one extra tick per item (the delegated value is awaited as a
 * plain `yield`).
 */
import type { Loop } from './loop.ts';
import { makeAwait } from './promise.ts';

/** Marker the lowered body yields for `await x` (esbuild calls `new __await(x, isYieldStar)`). */
export class AwaitMarker {
  0: unknown;
  1: unknown;
  constructor(value: unknown, isYieldStar?: unknown) {
    this[0] = value;
    this[1] = isYieldStar;
  }
}

type Kind = 'next' | 'throw' | 'return';

interface Request {
  kind: Kind;
  value: unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type State = 'start' | 'yield' | 'executing' | 'awaiting-return' | 'completed';

/** Make the `__asyncGenerator(thisArg, args, generatorFunction)` helper for one loop. */
export function makeAsyncGeneratorHelper(loop: Loop) {
  const P = loop.Promise;
  // The spec's Await: PromiseResolve + PerformPromiseThen, no `then` lookup on our promises.
  const awaitValue = makeAwait(P);

  class AsyncGen {
    #gen: Generator;
    #state: State = 'start';
    #queue: Request[] = [];

    constructor(gen: Generator) {
      this.#gen = gen;
    }

    next(value?: unknown): Promise<IteratorResult<unknown>> {
      return this.#request('next', value);
    }

    throw(error?: unknown): Promise<IteratorResult<unknown>> {
      return this.#request('throw', error);
    }

    return(value?: unknown): Promise<IteratorResult<unknown>> {
      return this.#request('return', value);
    }

    [Symbol.asyncIterator](): this {
      return this;
    }

    get [Symbol.toStringTag](): string {
      return 'AsyncGenerator';
    }

    #request(kind: Kind, value: unknown): Promise<IteratorResult<unknown>> {
      let resolve!: (v: unknown) => void;
      let reject!: (r: unknown) => void;
      const promise = new P<IteratorResult<unknown>>((res, rej) => {
        resolve = res as (v: unknown) => void;
        reject = rej;
      });
      if (kind === 'throw' && this.#state === 'start') this.#state = 'completed';
      if (this.#state === 'completed' && kind !== 'return') {
        if (kind === 'throw') reject(value);
        else resolve({ value: undefined, done: true });
        return promise;
      }
      this.#queue.push({ kind, value, resolve, reject });
      if (kind === 'return' && (this.#state === 'start' || this.#state === 'completed')) {
        this.#state = 'awaiting-return';
        this.#awaitReturn();
      } else if (this.#state === 'start' || this.#state === 'yield') {
        this.#resume(this.#queue[0]!);
      }
      return promise;
    }

    /** AsyncGeneratorResume, with AsyncGeneratorUnwrapYieldResumption for a return request. */
    #resume(request: Request): void {
      this.#state = 'executing';
      if (request.kind === 'return') {
        awaitValue(request.value, (v) => this.#run('return', v), (e) => this.#run('throw', e));
        return;
      }
      this.#run(request.kind, request.value);
    }

    /** Run the body until it awaits, yields or finishes. */
    #run(kind: Kind, value: unknown): void {
      let step: IteratorResult<unknown, unknown>;
      try {
        step = this.#gen[kind](value as never);
      } catch (error) {
        this.#finish('throw', error);
        return;
      }
      const yielded = step.value;
      if (step.done) {
        // `return expr` in the body awaits expr (spec ReturnStatement); a bare end of
        // body does not, nor does a return() request (its value was awaited already).
        if (yielded === undefined || kind === 'return') this.#finish('next', yielded);
        else awaitValue(yielded, (v) => this.#finish('next', v), (e) => this.#finish('throw', e));
        return;
      }
      if (yielded instanceof AwaitMarker) {
        const star = yielded[1];
        awaitValue(
          yielded[0],
          (y) => this.#run('next', star ? { done: (y as IteratorResult<unknown>).done, value: (y as IteratorResult<unknown>).value } : y),
          (e) => this.#run('throw', e),
        );
        return;
      }
      // AsyncGeneratorYield(? Await(value)).
      awaitValue(yielded, (v) => this.#yield(v), (e) => this.#run('throw', e));
    }

    #yield(value: unknown): void {
      this.#completeStep('next', value, false);
      const next = this.#queue[0];
      if (next) this.#resume(next);
      else this.#state = 'yield';
    }

    #finish(kind: 'next' | 'throw', value: unknown): void {
      this.#state = 'completed';
      this.#completeStep(kind, value, true);
      this.#drain();
    }

    #completeStep(kind: 'next' | 'throw', value: unknown, done: boolean): void {
      const request = this.#queue.shift()!;
      if (kind === 'throw') request.reject(value);
      else request.resolve({ value, done });
    }

    #drain(): void {
      while (this.#queue.length > 0) {
        const next = this.#queue[0]!;
        if (next.kind === 'return') {
          this.#state = 'awaiting-return';
          this.#awaitReturn();
          return;
        }
        if (next.kind === 'throw') this.#completeStep('throw', next.value, true);
        else this.#completeStep('next', undefined, true);
      }
    }

    #awaitReturn(): void {
      const request = this.#queue[0]!;
      const settle = (kind: 'next' | 'throw', v: unknown): void => {
        this.#state = 'completed';
        this.#completeStep(kind, v, true);
        this.#drain();
      };
      try {
        awaitValue(request.value, (v) => settle('next', v), (e) => settle('throw', e));
      } catch (error) {
        settle('throw', error);
      }
    }
  }

  return function __asyncGenerator(thisArg: unknown, args: unknown, genFn: (...a: unknown[]) => Generator): AsyncGen {
    return new AsyncGen(genFn.apply(thisArg, (args ?? []) as unknown[]));
  };
}

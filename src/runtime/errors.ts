/**
 * Error classes of the runtime, named after their asyncio and trio
 * counterparts. `name` is set explicitly so printed errors read the same in
 * the browser and in Node.
 */

/** The operation was cancelled (asyncio.CancelledError). */
export class CancelledError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** A deadline passed (asyncio.TimeoutError / TimeoutError). */
export class TimeoutError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'TimeoutError';
  }
}

/** An operation is not allowed in the object's current state (asyncio.InvalidStateError). */
export class InvalidStateError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'InvalidStateError';
  }
}

/** A value is out of range (Python's ValueError), e.g. releasing a BoundedSemaphore too often. */
export class ValueError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'ValueError';
  }
}

/** Python's RuntimeError: an operation misused at run time (releasing an unlocked Lock, a closed nursery, ...). The one RuntimeError of the runtime. */
export class RuntimeError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'RuntimeError';
  }
}

/**
 * A BaseException-only error in Python's terms: cancellation (asyncio's
 * CancelledError and trio's Cancelled are BaseExceptions there) and a group
 * that is not an ExceptionGroup. An ExceptionGroup cannot hold one.
 */
function isBaseOnly(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof BaseExceptionGroup && !(error instanceof ExceptionGroup));
}

/** What `split` and `subgroup` match with: an error class, a list of them (Python's tuple), or a predicate. */
export type GroupCondition = (abstract new (...args: never[]) => unknown) | ReadonlyArray<abstract new (...args: never[]) => unknown> | ((error: unknown) => boolean);

/** A class, as Python tells a type from another callable: Error itself or a function whose prototype is an Error. */
function isErrorClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  return typeof value === 'function' && (value === Error || (value as { prototype?: unknown }).prototype instanceof Error);
}

function matcher(condition: GroupCondition): (error: unknown) => boolean {
  if (Array.isArray(condition)) {
    if (!condition.every(isErrorClass)) throw new TypeError('expected an error class, a list of error classes or a function');
    return (error) => condition.some((type) => error instanceof type);
  }
  if (isErrorClass(condition)) return (error) => error instanceof condition;
  if (typeof condition === 'function') return (error) => Boolean((condition as (error: unknown) => boolean)(error));
  throw new TypeError('expected an error class, a list of error classes or a function');
}

/**
 * Several errors raised together (Python's BaseExceptionGroup, PEP 654), from
 * a TaskGroup or a nursery. `new BaseExceptionGroup(message, errors)` gives an
 * {@link ExceptionGroup} when no member is a cancellation (as Python's returns
 * an ExceptionGroup when every member is an Exception); `split` and `subgroup`
 * are what Python's `except*` does. `message` reads as Python's str(): the
 * message and the "(N sub-exceptions)" count.
 * Tests: tests/runtime/exception-group.test.ts.
 */
export class BaseExceptionGroup extends Error {
  /** The errors, in the order they were raised. */
  readonly exceptions!: readonly unknown[];
  /** The message given to the constructor (Python's `message`), without the count. */
  readonly groupMessage!: string;

  constructor(message: string, exceptions: readonly unknown[]) {
    if (typeof message !== 'string') throw new TypeError('argument 1 (message) must be a string');
    if (!Array.isArray(exceptions)) throw new TypeError('second argument (exceptions) must be a sequence');
    if (exceptions.length === 0) throw new ValueError('second argument (exceptions) must be a non-empty sequence');
    super(`${message} (${exceptions.length} sub-exception${exceptions.length === 1 ? '' : 's'})`);
    if (new.target === BaseExceptionGroup && !exceptions.some(isBaseOnly)) {
      // Python's BaseExceptionGroup.__new__ picks ExceptionGroup when it can hold every member.
      return new ExceptionGroup(message, exceptions);
    }
    this.name = 'BaseExceptionGroup';
    this.groupMessage = message;
    this.exceptions = Object.freeze([...exceptions]);
  }

  /** A group like this one (same class, message, stack and cause) holding `exceptions` (Python's derive). */
  derive(exceptions: readonly unknown[]): BaseExceptionGroup {
    return new BaseExceptionGroup(this.groupMessage, exceptions);
  }

  /**
   * The errors that match `condition`, in a group of the same nesting, or null
   * if none does (Python's subgroup). The condition is checked on groups too:
   * a group that matches is kept whole, and this group itself is returned when
   * it matches.
   */
  subgroup(condition: GroupCondition): BaseExceptionGroup | null {
    return this.split(condition)[0];
  }

  /** `[matching, rest]`, each a group of the same nesting or null (Python's split). */
  split(condition: GroupCondition): [BaseExceptionGroup | null, BaseExceptionGroup | null] {
    return splitGroup(this, matcher(condition));
  }
}

/**
 * Several errors raised together (Python's ExceptionGroup): a group of
 * ordinary errors. Holding a cancellation is a TypeError, as in Python; a
 * layer that may collect one makes a {@link BaseExceptionGroup}.
 */
export class ExceptionGroup extends BaseExceptionGroup {
  constructor(message: string, exceptions: readonly unknown[]) {
    super(message, exceptions);
    if (exceptions.some(isBaseOnly)) throw new TypeError('Cannot nest BaseExceptions in an ExceptionGroup');
    this.name = 'ExceptionGroup';
  }
}

/** Python's exceptions.c exceptiongroup_split_recursive: a leaf or a group, matched whole or split member by member. */
function splitGroup(group: BaseExceptionGroup, matches: (error: unknown) => boolean): [BaseExceptionGroup | null, BaseExceptionGroup | null] {
  if (matches(group)) return [group, null];
  const matched: unknown[] = [];
  const rest: unknown[] = [];
  for (const error of group.exceptions) {
    if (error instanceof BaseExceptionGroup) {
      const [m, r] = splitGroup(error, matches);
      if (m) matched.push(m);
      if (r) rest.push(r);
    } else if (matches(error)) {
      matched.push(error);
    } else {
      rest.push(error);
    }
  }
  return [derived(group, matched), derived(group, rest)];
}

/** `group.derive(members)` with the original's stack and cause (Python copies __traceback__, __cause__, __context__, __notes__); null for no members. */
function derived(group: BaseExceptionGroup, members: unknown[]): BaseExceptionGroup | null {
  if (members.length === 0) return null;
  const result = group.derive(members);
  if (group.stack !== undefined) result.stack = group.stack.replace(/^[^\n]*/, `${result.name}: ${result.message}`);
  if ('cause' in group) (result as { cause?: unknown }).cause = group.cause;
  return result;
}

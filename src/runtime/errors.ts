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

/** Several errors raised together (Python's ExceptionGroup), from a TaskGroup or a nursery. */
export class ExceptionGroup extends Error {
  /** The errors, in the order they were raised. */
  readonly exceptions: unknown[];
  constructor(message: string, exceptions: unknown[]) {
    super(`${message} (${exceptions.length} sub-exception${exceptions.length === 1 ? '' : 's'})`);
    this.name = 'ExceptionGroup';
    this.exceptions = exceptions;
  }
}

/**
 * Errors of the trio layer, named after trio's (trio.Cancelled, trio.TooSlowError,
 * trio.WouldBlock, trio.EndOfChannel, trio.ClosedResourceError,
 * trio.BrokenResourceError). `name` is set explicitly so printed errors read
 * the same in the browser and in Node.
 *
 * `Cancelled` extends the core's `CancelledError` on purpose: the asyncio
 * primitives (Lock, Semaphore, Queue...) clean up after a cancelled wait when
 * they see a CancelledError (e.g. a cancelled lock waiter passes the wake-up
 * on), and a trio scope may cancel a task blocked in one of them. A cancel
 * scope still catches only `Cancelled`, never asyncio's CancelledError. The
 * core Task counts a task ended by Cancelled as cancelled; the nursery keeps
 * the error object itself (nursery.ts).
 */
import { BaseExceptionGroup, CancelledError } from '../errors.ts';

/** trio reports misuse as Python's RuntimeError: the runtime's one RuntimeError. */
export { RuntimeError } from '../errors.ts';

/** What made a cancel scope cancel (trio 0.31's `Cancelled.source`). */
export type CancelSource = 'deadline' | 'nursery' | 'explicit';

/**
 * Raised at a checkpoint inside a cancelled scope (trio.Cancelled). Let it
 * propagate: the cancel scope that was cancelled catches it, and no one else
 * should. Wrapped in an ExceptionGroup when it leaves a nursery.
 */
export class Cancelled extends CancelledError {
  /** Why the scope was cancelled: its deadline passed, its nursery had a failing child, or `cancel()` was called. */
  readonly source: CancelSource;
  /** The `reason` given to `CancelScope.cancel(reason)`, if any. */
  readonly reason: string | null;
  /** Name of the task that cancelled the scope (null for a deadline). */
  readonly sourceTask: string | null;

  constructor(source: CancelSource = 'explicit', sourceTask: string | null = null, reason: string | null = null) {
    // Same text as trio 0.31+'s Cancelled.__str__, reason and task name as Python's repr()
    // (a task is shown as <Task 'name'>, without trio's address; corpus 56).
    super(
      `cancelled due to ${source}` +
        (reason !== null ? ` with reason ${pyRepr(reason)}` : '') +
        (sourceTask !== null ? ` from task <Task ${pyRepr(sourceTask)}>` : ''),
    );
    this.name = 'Cancelled';
    this.source = source;
    this.reason = reason;
    this.sourceTask = sourceTask;
  }
}

/** `failAfter` / `failAt` ran out of time (trio.TooSlowError). */
export class TooSlowError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'TooSlowError';
  }
}

/** A `*Nowait` operation would have had to block (trio.WouldBlock). */
export class WouldBlock extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'WouldBlock';
  }
}

/** Receiving from a channel whose every send side is closed and whose buffer is empty (trio.EndOfChannel). */
export class EndOfChannel extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'EndOfChannel';
  }
}

/** Using a channel object after *you* closed it (trio.ClosedResourceError). */
export class ClosedResourceError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'ClosedResourceError';
  }
}

/** Sending when every receive side is closed: the other end is gone (trio.BrokenResourceError). */
export class BrokenResourceError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'BrokenResourceError';
  }
}

/** Python's repr() of an exception, as trio puts it in a cancel reason: `ValueError('boom')`, `ValueError("it's")`, `ValueError()`. */
export function reprError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}(${pyRepr(error.message)})` : `${error.name}()`;
  return String(error);
}

/**
 * Python's repr() of a str: in single quotes unless the text holds a single
 * quote and no double one; backslash, the quote, \t \n \r and other control
 * characters escaped (CPython's unicode_repr; other non-printable code points
 * are left as they are).
 */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** The message trio gives the ExceptionGroup a nursery raises. */
export const NURSERY_GROUP_MESSAGE = 'Exceptions from Trio nursery';

/**
 * `group.split(Cancelled)` of Python, keeping only the rest: returns whether
 * any Cancelled was found and what is left (null when nothing is). Nested
 * groups are split recursively; a group with nothing removed is returned
 * unchanged, a changed one is re-created with the same message (BaseExceptionGroup.derive).
 */
export function splitCancelled(group: BaseExceptionGroup): { matched: boolean; rest: unknown | null } {
  let matched = false;
  const rest: unknown[] = [];
  for (const error of group.exceptions) {
    if (error instanceof Cancelled) {
      matched = true;
    } else if (error instanceof BaseExceptionGroup) {
      const inner = splitCancelled(error);
      if (inner.matched) matched = true;
      if (inner.rest !== null) rest.push(inner.rest);
    } else {
      rest.push(error);
    }
  }
  if (!matched) return { matched, rest: group };
  if (rest.length === 0) return { matched, rest: null };
  return { matched, rest: new BaseExceptionGroup(group.groupMessage, rest) };
}

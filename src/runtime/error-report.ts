/**
 * An error as a reader should read it: its first line, and its stack mapped to
 * the reader's file (stack-map.ts). A `cause` follows as Node prints it
 * (`[cause]: ...`); an exception group prints its tree of sub-exceptions, each
 * with its own mapped stack, in the layout of Python's traceback module
 * (`+-+---- 1 ----`, `|` margins, at most 15 members and 10 levels shown).
 * Tests: tests/runtime/error-report.test.ts.
 */
import type { StackMapper } from './stack-map.ts';

/** Python's traceback limits: members shown per group, and nesting depth. */
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** `Name: message`, or the value as text for a thrown non-Error. */
export function errorHeadline(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/** What an error looks like to a reader: the headline, and the full text (mapped stack, causes, group members). */
export interface ReaderError {
  message: string;
  stack: string;
}

/** The sub-exceptions of an exception group (anything with an `exceptions` array, as a thrown group from another realm). */
function membersOf(error: unknown): unknown[] | null {
  if (!(error instanceof Error)) return null;
  const exceptions = (error as { exceptions?: unknown }).exceptions;
  return Array.isArray(exceptions) ? exceptions : null;
}

/** An error's own text: its mapped stack (or headline) and its cause, without group members. */
function ownText(error: unknown, mapper: StackMapper): string {
  const headline = errorHeadline(error);
  if (!(error instanceof Error) || typeof error.stack !== 'string') return headline;
  const cause = (error as { cause?: unknown }).cause;
  const causeText = cause === undefined ? '' : `\n  [cause]: ${describeForReader(cause, mapper).stack.replace(/\n/g, '\n  ')}`;
  return mapper.mapStack(error.stack) + causeText;
}

/** Describe `error` for a reader; an exception group comes out as its tree. */
export function describeForReader(error: unknown, mapper: StackMapper): ReaderError {
  const message = errorHeadline(error);
  if (membersOf(error) === null) return { message, stack: ownText(error, mapper) };
  const out: string[] = [];
  formatGroup(error, mapper, { depth: 0, needClose: false }, out);
  return { message, stack: out.join('\n') };
}

/** Python's _ExceptionPrintContext: the group depth sets the indent; a nested last member may close the frame. */
interface Context {
  depth: number;
  needClose: boolean;
}

const indent = (ctx: Context): string => ' '.repeat(2 * ctx.depth);

/** Lines of `text` behind the margin Python puts at this depth: `| `, or `firstMargin` on the first line (`+` opens a group). */
function emit(ctx: Context, text: string, out: string[], firstMargin = '|'): void {
  const base = indent(ctx);
  text.split('\n').forEach((line, i) => out.push(ctx.depth > 0 ? `${base}${i === 0 ? firstMargin : '|'} ${line}` : line));
}

/** traceback.TracebackException.format for one exception inside a group walk (CPython Lib/traceback.py). */
function formatGroup(error: unknown, mapper: StackMapper, ctx: Context, out: string[]): void {
  const members = membersOf(error);
  if (members === null) {
    emit(ctx, ownText(error, mapper), out);
    return;
  }
  if (ctx.depth > MAX_GROUP_DEPTH) {
    emit(ctx, `... (max_group_depth is ${MAX_GROUP_DEPTH})`, out);
    return;
  }
  const topLevel = ctx.depth === 0;
  if (topLevel) ctx.depth++;
  // JavaScript prints the headline above the frames; the group's first line carries Python's `+` at the top.
  emit(ctx, ownText(error, mapper), out, topLevel ? '+' : '|');
  const shown = members.length <= MAX_GROUP_WIDTH ? members.length : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < shown; i++) {
    const last = i === shown - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const title = truncated ? '...' : String(i + 1);
    out.push(`${indent(ctx)}${i === 0 ? '+-' : '  '}+---------------- ${title} ----------------`);
    ctx.depth++;
    if (!truncated) {
      formatGroup(members[i], mapper, ctx, out);
    } else {
      const remaining = members.length - MAX_GROUP_WIDTH;
      emit(ctx, `and ${remaining} more exception${remaining > 1 ? 's' : ''}`, out);
    }
    if (last && ctx.needClose) {
      out.push(`${indent(ctx)}+------------------------------------`);
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (topLevel) ctx.depth = 0;
}

/**
 * esbuild's lowered `for await` reads `.done` of whatever it awaited; the spec
 * throws a TypeError unless the next() result - and, when the loop is left
 * early, the awaited return() result - is an object. These two edits, made
 * during the lowered-function pass's walk over esbuild's output
 * (lowered-functions.ts applies them and moves the source map), pass each
 * awaited result through `__forAwaitResult` (runtime/function-shapes.ts). The
 * ticks are unchanged: the check runs after the await.
 * Tests: tests/runtime/for-await.test.ts.
 */
import type { AstNode } from './ast.ts';
import { LOWERED_HELPERS } from '../contract/program.ts';

const FOR_AWAIT_RESULT: keyof typeof LOWERED_HELPERS = '__forAwaitResult';

/** An acorn node, as much of it as the compiler's passes read (ast.ts). */
export type LoweredNode = AstNode;

type Node = LoweredNode;

/** Insert `text` at offset `at`; `loc` is where that is, as acorn counts (line from 1, column from 0). */
export type Insert = (at: number, loc: { line: number; column: number }, text: string) => void;

/**
 * esbuild's `for await` head: `more = !(temp = yield iter.next()).done` (in an
 * async generator `yield new __await(iter.next())`). The awaited result goes
 * through `__forAwaitResult`, which throws the spec's TypeError unless it is an
 * object; thrown there, in the loop's head, where `more` is false, so the
 * iterator is not closed (as the spec: the throw is not from the body).
 */
export function forAwaitStep(node: Node, insert: Insert): void {
  const init = node.init as Node | null;
  const declarator = init?.type === 'VariableDeclaration' ? (init.declarations as Node[])[0] : undefined;
  const call = declarator?.init as Node | undefined;
  if (call?.type !== 'CallExpression' || (call.callee as Node).type !== 'Identifier' || (call.callee as Node).name !== '__forAwait') return;
  const test = node.test as Node | null;
  const not = test?.type === 'AssignmentExpression' ? (test.right as Node) : undefined;
  const member = not?.type === 'UnaryExpression' ? (not.argument as Node) : undefined;
  const assign = member?.type === 'MemberExpression' ? (member.object as Node) : undefined;
  const awaited = assign?.type === 'AssignmentExpression' ? (assign.right as Node) : undefined;
  if (awaited?.type !== 'YieldExpression') return;
  insert(awaited.start, awaited.loc.start, `${FOR_AWAIT_RESULT}(`);
  insert(awaited.end, awaited.loc.end, ')');
}

/**
 * esbuild's close of a `for await` left early: `try { for (...) ... } catch ... finally { try {
 * more && (temp = iter.return) && (yield temp.call(iter)); } finally { if (error) throw error[0]; } }`.
 * The awaited return() result goes through `__forAwaitResult` too (AsyncIteratorClose: a TypeError
 * unless it is an object); after a throw from the body the inner `finally` throws that instead, as
 * the spec's close keeps the original throw.
 */
export function forAwaitClose(node: Node, insert: Insert): void {
  const loop = ((node.block as Node).body as Node[])[0];
  if (loop?.type !== 'ForStatement') return;
  const declarator = (loop.init as Node | null)?.type === 'VariableDeclaration' ? ((loop.init as Node).declarations as Node[])[0] : undefined;
  const call = declarator?.init as Node | undefined;
  if (call?.type !== 'CallExpression' || (call.callee as Node).type !== 'Identifier' || (call.callee as Node).name !== '__forAwait') return;
  const inner = ((node.finalizer as Node | null)?.body as Node[] | undefined)?.[0];
  const statement = inner?.type === 'TryStatement' ? ((inner.block as Node).body as Node[])[0] : undefined;
  const closing = statement?.type === 'ExpressionStatement' ? (statement.expression as Node) : undefined;
  const awaited = closing?.type === 'LogicalExpression' ? (closing.right as Node) : undefined;
  if (awaited?.type !== 'YieldExpression') return;
  insert(awaited.start, awaited.loc.start, `${FOR_AWAIT_RESULT}(`);
  insert(awaited.end, awaited.loc.end, ')');
}

/**
 * The acorn tree as the compiler's passes read it (async-generator-fixups.ts,
 * lowered-functions.ts, for-await-fixups.ts, shared-bodies.ts, state-machines.ts, awaited-sleeps.ts): one node
 * shape, one way to visit a node's children, and what more than one pass
 * recognises (esbuild's shells, a block's first insertion point).
 */
import type { REPLACED_HELPERS } from '../contract/program.ts';

/** esbuild's helper of a lowered async function. */
const ASYNC_HELPER: keyof typeof REPLACED_HELPERS = '__async';

/** An acorn node, as much of it as the passes read. */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  [key: string]: unknown;
}

/** Whether `value` is a node (not a position, a list of them or a literal value). */
export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';
}

/** Call `fn` on each child node of `node`, in its keys' order; stops and returns true as soon as `fn` returns true. */
export function someChild(node: AstNode, fn: (child: AstNode) => boolean | void): boolean {
  for (const key in node) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child) && fn(child) === true) return true;
    } else if (isNode(value) && fn(value) === true) return true;
  }
  return false;
}

/** Call `fn` on `node` and every node under it, functions included, each with its parent. */
export function walk(node: AstNode, fn: (node: AstNode, parent: AstNode | null) => void, parent: AstNode | null = null): void {
  fn(node, parent);
  someChild(node, (child) => walk(child, fn, node));
}

/** Call `fn` on `node` and every node under it that is not inside a function in it (a function node itself is visited). */
export function walkOwn(node: AstNode, fn: (node: AstNode) => void): void {
  fn(node);
  if (/Function/.test(node.type)) return;
  someChild(node, (child) => walkOwn(child, fn));
}

/** Where code can be inserted first in a block: after its `{` and its directive prologue (a "use strict" must stay first). */
export function afterDirectives(block: AstNode): { at: number; loc: { line: number; column: number } } {
  let at = block.start + 1;
  let loc = { line: block.loc.start.line, column: block.loc.start.column + 1 };
  for (const statement of block.body as AstNode[]) {
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') break;
    at = statement.end;
    loc = statement.loc.end;
  }
  return { at, loc };
}

/**
 * The helper call of one of esbuild's shells of a lowered function: `(a) => __helper(this, args, function* () {...})`,
 * or a plain function whose one statement returns it. Which helper it is, the caller checks.
 */
export function shellCall(node: AstNode): AstNode | undefined {
  let call: AstNode | undefined;
  if (node.type === 'ArrowFunctionExpression' && node.expression === true) call = node.body as AstNode;
  else if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') {
    if (node.generator === true || node.async === true) return undefined;
    const statements = (node.body as AstNode).body as AstNode[];
    if (statements.length !== 1 || statements[0]!.type !== 'ReturnStatement') return undefined;
    call = statements[0]!.argument as AstNode | undefined;
  }
  if (call?.type !== 'CallExpression') return undefined;
  const args = call.arguments as AstNode[];
  if ((call.callee as AstNode).type !== 'Identifier' || args.length !== 3) return undefined;
  const body = args[2]!;
  return body.type === 'FunctionExpression' && body.generator === true ? call : undefined;
}

/** The `__async(...)` call whose body `body` is, when `shell` (the function around it) is esbuild's shell of a lowered async function. */
export function asyncHelperCall(body: AstNode, shell: AstNode): AstNode | undefined {
  const call = shellCall(shell);
  return call !== undefined && (call.callee as AstNode).name === ASYNC_HELPER && (call.arguments as AstNode[])[2] === body ? call : undefined;
}

/** A shell parameter that runs no code when bound: a name, a name with a literal default, a rest name (what esbuild leaves on a shell). */
export function isPlainParameter(param: AstNode): boolean {
  return (
    param.type === 'Identifier' ||
    (param.type === 'AssignmentPattern' && (param.left as AstNode).type === 'Identifier' && (param.right as AstNode).type === 'Literal') ||
    (param.type === 'RestElement' && (param.argument as AstNode).type === 'Identifier')
  );
}

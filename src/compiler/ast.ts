/**
 * The acorn tree as the compiler's passes read it (async-generator-fixups.ts,
 * lowered-functions.ts, for-await-fixups.ts): one node shape and one way to
 * visit a node's children.
 */

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

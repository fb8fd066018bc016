/**
 * Two places where esbuild's lowering of async generators loses information the
 * spec needs, mended on esbuild's output with a real parser (acorn):
 *
 * 1. esbuild turns every `yield*` into `yield* __yieldStar(x)` once async
 *    generators are lowered - in sync generators too - so at run time the
 *    helper cannot tell a sync generator's `yield*` (plain delegation) from an
 *    async generator's `yield*` over a sync iterable (the spec wraps it with
 *    CreateAsyncFromSyncIterator, awaiting every value). Here each call is
 *    renamed after the generator it sits in: `__asyncStar` inside an async
 *    generator's body, `__yieldSync` (native `yield*`) elsewhere. The names have
 *    the length of `__yieldStar`, so no column moves.
 * 2. `return expr` in an async generator awaits `expr` where it stands (spec
 *    ReturnStatement), before enclosing `finally` blocks run and inside any
 *    enclosing `try`. esbuild's body just returns `expr`, so the helper could
 *    only await it after the `finally` blocks. Here it becomes
 *    `return yield new __await((expr))`, an ordinary await at the return, and
 *    the body's helper is renamed `__asyncGenMended` (same length), which
 *    never awaits the completion value again (runtime/async-generator.ts).
 *    The source map is shifted to match.
 *
 * The parser is loaded only for programs that contain an async generator. If
 * it cannot parse esbuild's output the code is returned unchanged and the
 * runtime's helpers behave as esbuild's do for those two cases.
 */
import { FIXUP_HELPERS, REPLACED_HELPERS } from '../contract/program.ts';
import { someChild, type AstNode } from './ast.ts';
import { applyLineEdits, insertAt, type LineEdit } from './line-edits.ts';

type EsbuildName = keyof typeof REPLACED_HELPERS;
type FixupName = keyof typeof FIXUP_HELPERS;
const ASYNC_GENERATOR: EsbuildName = '__asyncGenerator';
const YIELD_STAR: EsbuildName = '__yieldStar';
const AWAIT: EsbuildName = '__await';
const MENDED: FixupName = '__asyncGenMended';
const ASYNC_STAR: FixupName = '__asyncStar';
const YIELD_SYNC: FixupName = '__yieldSync';

/** The part of acorn's API used here. */
export type ParseFn = (code: string, options: { ecmaVersion: 'latest'; sourceType: 'script'; locations: true; ranges?: true }) => unknown;

type Node = AstNode;

/** Whether esbuild's output has anything this pass would change. */
export function needsAsyncGeneratorFixups(code: string): boolean {
  return code.includes(`${ASYNC_GENERATOR}(`);
}

/** Apply both fix-ups to esbuild's `code` and its source `map` (JSON); unchanged if `parse` throws. */
export function fixAsyncGenerators(code: string, map: string, parse: ParseFn): { code: string; map: string } {
  let ast: Node;
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true }) as Node;
  } catch {
    return { code, map };
  }
  const renames: Array<{ at: number; name: string }> = [];
  const edits: LineEdit[] = [];
  const asyncBodies = new Set<Node>();

  // Innermost function first: `fn` is the function whose body holds the node.
  const visit = (node: Node, fn: Node | null): void => {
    if (node.type === 'CallExpression') {
      const callee = node.callee as Node;
      const args = node.arguments as Node[];
      if (callee.type === 'Identifier' && callee.name === ASYNC_GENERATOR && args[2]?.type === 'FunctionExpression') {
        asyncBodies.add(args[2]);
        renames.push({ at: callee.start, name: MENDED });
      }
      if (callee.type === 'Identifier' && callee.name === YIELD_STAR) {
        renames.push({ at: callee.start, name: fn && asyncBodies.has(fn) ? ASYNC_STAR : YIELD_SYNC });
      }
    }
    if (node.type === 'ReturnStatement' && node.argument && fn && asyncBodies.has(fn)) {
      const arg = node.argument as Node;
      edits.push(insertAt(arg, `yield new ${AWAIT}((`));
      edits.push(insertAt(arg, '))', true));
    }
    const inner = node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression' ? node : fn;
    someChild(node, (child) => visit(child, inner));
  };
  visit(ast, null);
  if (renames.length === 0 && edits.length === 0) return { code, map };

  let out = code;
  for (const r of renames) out = out.slice(0, r.at) + r.name + out.slice(r.at + r.name.length);
  return applyLineEdits(out, map, edits);
}

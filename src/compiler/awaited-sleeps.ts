/**
 * `await sleep(ms)` without a future.
 *
 * A sleeping task keeps its sleep's future alive (112 bytes, `npm run
 * bench:heap`), and the future's done-callback wakes the awaiting frame.
 * Where a lowered async function awaits the "miniloop" module's `sleep(ms)`
 * at once, nothing but that await ever sees the future, and the frame can be
 * the timer itself (runtime/traps.ts, SLEEP). This pass renames the callee of
 * each such call to `__sleep`, which decides at run time whether the frame
 * can (runtime/driver.ts, awaitedSleepHelper; else it is `sleep(ms)`):
 *
 *     yield sleep(100)      becomes      yield __sleep(100)
 *
 * Only where the await is the call's one user, and the call is the module's:
 * - the `yield` is an await of a lowered async function: it is in the body
 *   esbuild gives `__async` (an async generator's `yield` yields);
 * - the callee is the import's binding, renamed or not (module-bindings.ts):
 *   a `sleep` of the program's own stays as it is;
 * - one argument, not spread: a second is the value the await produces,
 *   which the future keeps.
 * Tests: tests/runtime/awaited-sleeps.test.ts.
 */
import type { Scope, ScopeManager } from 'eslint-scope';
import type { LOWERED_HELPERS } from '../contract/program.ts';
import { asyncHelperCall, walkOwn, type AstNode as Node } from './ast.ts';
import type { LineEdit } from './line-edits.ts';
import { moduleReferences } from './module-bindings.ts';

const SLEEP_HELPER: keyof typeof LOWERED_HELPERS = '__sleep';
/** The export of the "miniloop" module this pass looks for. */
const SLEEP_EXPORT = 'sleep';

/**
 * The edits that rename the callee of each awaited `sleep(ms)` in `code` (analysed as `scopes`)
 * to `__sleep`. `finalName` is the lowered-function pass's renaming: a callee it renames is left
 * to it. None when the program names `__sleep` itself.
 */
export function awaitedSleepEdits(scopes: ScopeManager, code: string, finalName: (printed: string) => string): LineEdit[] {
  if (code.includes(SLEEP_HELPER)) return [];
  const callees = moduleReferences(scopes, SLEEP_EXPORT);
  if (callees.size === 0) return [];
  const edits: LineEdit[] = [];
  for (const scope of scopes.scopes) {
    if (!isAsyncBody(scope)) continue;
    walkOwn((scope.block as unknown as Node).body as Node, (node) => {
      if (node.type !== 'YieldExpression' || node.delegate === true) return;
      const call = node.argument as Node | null;
      if (call?.type !== 'CallExpression' || call.optional === true) return;
      const args = call.arguments as Node[];
      const callee = call.callee as Node;
      if (args.length !== 1 || args[0]!.type === 'SpreadElement' || !callees.has(callee)) return;
      if (finalName(callee.name as string) !== callee.name) return;
      edits.push({ at: callee.start, end: callee.end, line: callee.loc.start.line - 1, column: callee.loc.start.column, text: SLEEP_HELPER });
    });
  }
  return edits;
}

/** The scope of a lowered async function's body: the generator esbuild gives `__async`. */
function isAsyncBody(scope: Scope): boolean {
  const shell = scope.upper;
  return scope.type === 'function' && shell !== null && shell.type === 'function' && asyncHelperCall(scope.block as unknown as Node, shell.block as unknown as Node) !== undefined;
}

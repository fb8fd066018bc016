/**
 * A lowered async function's body made once per scope, not once per call.
 *
 * esbuild lowers `async (a) => { ... }` to a shell that makes a fresh
 * generator function on every call: `(a) => __async(null, null, function* () { ... })`.
 * V8 gives each fresh generator function its own hidden class for the
 * generator objects it makes, kept as long as the call is suspended
 * (`npm run bench:heap`: about 1 KB per sleeping task before this pass, 680 B
 * after; bench/README.md). This pass makes the
 * generator function once, in the outermost scope that can hold it, and lets
 * every call share it:
 *
 *     { let __asyncBody1; ...
 *       (a) => __async(null, [a, i], __asyncBody1 ??= function* (a, i) { ... }, 1)
 *
 * The names the body reads from scopes between the shell and that scope (the
 * shell's parameters, a loop's `i`) become the generator's parameters, passed
 * at the call. That copies a binding, so it is done only where no one can tell:
 * - the shell's own parameters (esbuild leaves it nothing but names and literal
 *   defaults, and nothing else reads them);
 * - a `let`/`const`/class/catch binding, or a block's function, that nothing
 *   assigns after its declaration (a `for (let i...; i++)` update assigns the
 *   next iteration's copy, not the one a body made in the loop sees), declared
 *   before the shell is made (so it is initialised when the shell is called)
 *   and not in a `switch`.
 * Any other name the body reads from a scope between keeps the generator
 * function in an inner scope, or where it was; a function with a direct
 * `eval` in it (which can read and assign any binding) shares nothing. The
 * scope must be in the same function as the shell (then "declared before" is
 * textual order) and be a block or function body that holds the shell, where
 * `let` can go (a shell in a function's parameters cannot see its body's
 * bindings). The generator function is named
 * `__asyncBody…` (NamedEvaluation), which the stack mapper does not show
 * (runtime/stack-map.ts), and `1` tells the driver it is shared
 * (runtime/driver.ts). An arrow's straight-line body becomes a state machine
 * instead (state-machines.ts), made by the shell with `3` for the driver, or,
 * for an arrow given as it is to the module's `createTask`, in the arrow's place.
 * Tests: tests/runtime/shared-bodies.test.ts, tests/runtime/task-machines.test.ts.
 */
import { analyze, type Reference, type Scope, type Variable } from 'eslint-scope';
import { REPLACED_HELPERS, type LOWERED_HELPERS } from '../contract/program.ts';
import { afterDirectives, asyncHelperCall, isPlainParameter, type AstNode as Node } from './ast.ts';
import { awaitedSleepEdits } from './awaited-sleeps.ts';
import { moduleReferences } from './module-bindings.ts';
import { insertAt, type LineEdit } from './line-edits.ts';
import { stateMachineEdits } from './state-machines.ts';

const ASYNC: keyof typeof REPLACED_HELPERS = '__async';
/** The prefix of the names given to shared bodies (runtime/stack-map.ts hides frames named `__async…`). */
const SHARED_BODY_PREFIX = '__asyncBody';

/** One shell to share: its body, the scope its body goes to, the names passed. */
interface Share {
  call: Node;
  body: Node;
  /** The body's own scope. */
  scope: Scope;
  target: Scope;
  captured: string[];
}

/** What the lowered-function pass asks of this one (lowered-functions.ts loads it with eslint-scope, as its own chunk). */
export type ShareLoweredBodies = typeof sharedBodyEdits;

/** The edits, and the shells that are gone: async arrows given to `createTask` as state machines, which that pass must not wrap. */
export interface SharedBodyEdits {
  edits: LineEdit[];
  unwrapped: ReadonlySet<Node>;
}

const NONE: SharedBodyEdits = { edits: [], unwrapped: new Set() };
/** The name `createTask(async () => ...)` calls instead, with the arrow's state machine (runtime/task.ts, machineTask). */
const TASK_OF: keyof typeof LOWERED_HELPERS = '__taskOf';

/**
 * The edits that share the bodies of esbuild's `code`, whose tree (`ast`, parsed with `ranges`:
 * eslint-scope reads them) the lowered-function pass has already made; in its coordinates, for that
 * pass to apply with its own. `finalName` is the name an identifier esbuild printed will have once
 * that pass renamed it back. None if the analysis throws. The awaited sleeps' edits
 * (awaited-sleeps.ts) come with them, from the same analysis.
 */
export function sharedBodyEdits(ast: Node, code: string, finalName: (printed: string) => string): SharedBodyEdits {
  // Every program has one shell, its top level's (`__main`), called once: without another, nothing to
  // share; and without a `yield` (an await), no sleep to await.
  const first = code.indexOf(`${ASYNC}(`);
  const mayShare = first !== -1 && code.indexOf(`${ASYNC}(`, first + 1) !== -1;
  if (!mayShare && !code.includes('yield ')) return NONE;
  const shares: Share[] = [];
  let sleeps: LineEdit[];
  let taskCallees: Map<number, Node>;
  try {
    // The program runs as strict code (runtime/program.ts), as a module's top level.
    const scopes = analyze(ast as never, { ecmaVersion: 2022, sourceType: 'script', impliedStrict: true });
    if (mayShare) {
      for (const scope of scopes.scopes) {
        const share = shareOf(scope);
        if (share) shares.push(share);
      }
    }
    sleeps = awaitedSleepEdits(scopes, code, finalName);
    taskCallees = code.includes(TASK_OF) ? new Map() : calleesByArgument(moduleReferences(scopes, 'createTask'), code);
  } catch {
    return NONE;
  }
  const unwrapped = new Set<Node>();
  const taken = usedNames(code);
  let next = 1;
  const freshName = (): string => {
    while (taken.has(`${SHARED_BODY_PREFIX}${next}`)) next++;
    return `${SHARED_BODY_PREFIX}${next++}`;
  };
  const edits: LineEdit[] = [];
  const declared = new Map<Scope, string[]>();
  // A body that other shared bodies go to declares them at its start: a `let` the state machine's
  // `switch` would skip on resuming (its TDZ), so that body stays a generator.
  const targets = new Set(shares.map((share) => share.target));
  for (const { call, body, scope, target, captured } of shares) {
    const name = freshName();
    const list = declared.get(target) ?? [];
    list.push(name);
    declared.set(target, list);
    const names = captured.map(finalName).join(', ');
    // An arrow's body whose awaits are all statements at its top level becomes a state machine
    // (state-machines.ts decides), which the shell makes with the names passed, `new
    // (__asyncBodyN ??= class {...})(names)`, and `3` tells the driver it is made: no array of them
    // and no Reflect.construct (benchmark (b)'s start phase 110 to 96 ms in a cold run:
    // bench/README.md, twelfth session). Its constructor runs no code of the program's, so
    // nothing can tell it ran before the helper.
    const machine = targets.has(scope) ? null : stateMachineEdits(scope, call, captured, code, finalName);
    if (machine === null) {
      if (captured.length > 0) {
        // A generator takes them as its parameters, passed as the call's arguments.
        const argsNode = (call.arguments as Node[])[1]!;
        edits.push({ at: argsNode.start, end: argsNode.end, line: argsNode.loc.start.line - 1, column: argsNode.loc.start.column, text: `[${names}]` });
        const paren = code.indexOf('(', body.start);
        edits.push({ at: paren + 1, end: paren + 1, line: body.loc.start.line - 1, column: body.loc.start.column + (paren + 1 - body.start), text: names });
      }
      edits.push(insertAt(body, `${name} ??= `));
      edits.push(insertAt(body, ', 1', true));
      continue;
    }
    edits.push(...machine);
    // `createTask(async () => ...)`, the module's, with no parameters: the arrow itself goes, and the
    // task gets the machine (`__taskOf(new (__asyncBodyN ??= class {...})(names))`), made now with
    // the values the arrow would pass when the task starts it (they are never assigned after:
    // shareOf). Nothing else could see the arrow. Tests: tests/runtime/task-machines.test.ts.
    const shell = scope.upper!.block as unknown as Node;
    const callee = shell.type === 'ArrowFunctionExpression' && (shell.params as Node[]).length === 0 ? taskCallees.get(shell.start) : undefined;
    if (callee !== undefined && canGiveMachine(callee, shell, body, code, finalName)) {
      edits.push({ at: callee.start, end: callee.end, line: callee.loc.start.line - 1, column: callee.loc.start.column, text: TASK_OF });
      edits.push({ at: shell.start, end: body.start, line: shell.loc.start.line - 1, column: shell.loc.start.column, text: `new (${name} ??= ` });
      edits.push({ at: body.end, end: shell.end, line: body.loc.end.line - 1, column: body.loc.end.column, text: `)(${names})` });
      unwrapped.add(shell);
    } else {
      edits.push(insertAt(body, `new (${name} ??= `));
      edits.push(insertAt(body, `)(${names}), 3`, true));
    }
  }
  for (const [scope, names] of declared) edits.push(declarationAt(bodyBlock(scope)!, `let ${names.join(', ')};`));
  // A callee the edits above also touch (none is known to: a state machine's edits end where its
  // call starts) keeps its name: two edits of one span, or an insertion before it, would garble it.
  for (const sleep of sleeps) if (!edits.some((e) => e.at < sleep.end && (e.end > sleep.at || e.at === sleep.at))) edits.push(sleep);
  return { edits, unwrapped };
}

/**
 * The calls of the module's `createTask` (`callees`, its references), by where their first
 * argument starts: esbuild prints a call as `name(` with that argument right after the
 * parenthesis, so no walk of the tree is needed to find them. A reference that is not called so
 * (`createTask?.(f)`, `(createTask)(f)`, `const f = createTask`) is not one.
 */
function calleesByArgument(callees: ReadonlySet<Node>, code: string): Map<number, Node> {
  const byArgument = new Map<number, Node>();
  for (const callee of callees) if (code[callee.end] === '(') byArgument.set(callee.end + 1, callee);
  return byArgument;
}

/** Whether the edits that give a task its machine fit: each on one line, and a callee the lowered-function pass leaves as it is. */
function canGiveMachine(callee: Node, shell: Node, body: Node, code: string, finalName: (printed: string) => string): boolean {
  return finalName(callee.name as string) === callee.name && !code.slice(shell.start, body.start).includes('\n') && !code.slice(body.end, shell.end).includes('\n');
}

/** The shell this generator-function scope is the body of, if it can be shared, and how. */
function shareOf(scope: Scope): Share | null {
  const body = scope.block as unknown as Node;
  if (scope.type !== 'function' || body.type !== 'FunctionExpression' || body.generator !== true) return null;
  const shell = scope.upper;
  if (shell === null || shell.type !== 'function') return null;
  const shellNode = shell.block as unknown as Node;
  const call = asyncHelperCall(body, shellNode);
  if (call === undefined) return null;
  const [thisArg, argsNode] = call.arguments as [Node, Node, Node];
  if (thisArg.type !== 'ThisExpression' && !(thisArg.type === 'Literal' && thisArg.value === null)) return null;
  // esbuild passes `arguments` when the body has parameters of its own (a pattern, a rest) or reads
  // `arguments`: those keep their arguments, so nothing can be added to them. Nor to a body that
  // reads its own `arguments` (it would see the copied names there).
  const readsArguments = scope.variables.some((v: Variable) => v.name === 'arguments' && v.references.length > 0);
  const canCapture = argsNode.type === 'Literal' && argsNode.value === null && (body.params as Node[]).length === 0 && !readsArguments;
  if (!canCapture && !(argsNode.type === 'Identifier' && argsNode.name === 'arguments')) return null;

  // The shell's own scopes (its function, the name scope of a named function expression), then the
  // scopes out to the function the shell is in: the places the body could go.
  const own = new Set<Scope>([shell]);
  let outer = shell.upper;
  if (outer?.type === 'function-expression-name' && outer.block === shell.block) {
    own.add(outer);
    outer = outer.upper;
  }
  const chain: Scope[] = [];
  for (let s = outer; s !== null; s = s.upper) {
    chain.push(s);
    if (s === s.variableScope) break;
  }
  // A direct eval in the function (its scope is then "dynamic") can read and assign any binding
  // there: nothing is copied.
  if (chain.length === 0 || chain[chain.length - 1]!.dynamic) return null;
  const made = madeAt(shellNode, chain[0]!);
  // Each binding the body reads from outside itself, and where: -1 the shell's own scopes, k the
  // scope chain[k], chain.length outside the shell's function (read in place wherever the body goes).
  const reads = scope.through
    .filter((ref: Reference) => ref.resolved !== null)
    .map((ref: Reference) => {
      const variable = ref.resolved!;
      const k = chain.indexOf(variable.scope);
      return { variable, at: own.has(variable.scope) ? -1 : k === -1 ? chain.length : k };
    });
  // The body can go out to chain[limit] at most: a binding it reads from a scope inside that one
  // could not be copied.
  let limit = chain.length - 1;
  for (const { variable, at } of reads) {
    if (at === chain.length) continue;
    const copyable = canCapture && (at === -1 ? isShellParameter(variable, shellNode) : isFixedBefore(variable, made, shellNode));
    if (!copyable) limit = Math.min(limit, at);
  }
  let target = -1;
  for (let k = limit; k >= 0; k--) {
    const block = bodyBlock(chain[k]!);
    // The block must hold the shell: one made in a function's parameters cannot see its body's `let`.
    if (block !== null && block.start <= shellNode.start && shellNode.end <= block.end) {
      target = k;
      break;
    }
  }
  if (target === -1) return null;
  const captured: string[] = [];
  for (const { variable, at } of reads) if (at < target && !captured.includes(variable.name)) captured.push(variable.name);
  return { call, body, scope, target: chain[target]!, captured };
}

/** A parameter of the shell, which esbuild leaves plain (a name, a literal default, a rest name): nothing but the body reads it. */
function isShellParameter(variable: Variable, shell: Node): boolean {
  return variable.defs.length === 1 && variable.defs[0]!.type === 'Parameter' && (shell.params as Node[]).every(isPlainParameter);
}

/** Where the shell is made: a function declaration at the start of its block (it is hoisted), anything else where it stands. */
function madeAt(shell: Node, scope: Scope): number {
  if (shell.type !== 'FunctionDeclaration') return shell.start;
  return bodyBlock(scope)?.start ?? -1;
}

/**
 * A binding of a scope between the shell and the body's new place that a copy can stand for:
 * declared before `made` and never assigned after (a for-let update assigns the next iteration's copy).
 */
function isFixedBefore(variable: Variable, made: number, shell: Node): boolean {
  if (variable.defs.length !== 1 || variable.scope.type === 'switch') return false;
  const def = variable.defs[0]!;
  const node = def.node as unknown as Node;
  switch (def.type) {
    case 'Variable':
      if ((def.parent as unknown as Node | null)?.kind === 'var' || node.end > made) return false;
      break;
    case 'ClassName':
      if (node.end > made) return false;
      break;
    case 'CatchClause':
    case 'FunctionName':
      break;
    default:
      return false;
  }
  const loop = variable.scope.type === 'for' ? (variable.scope.block as unknown as Node) : null;
  return variable.references.every((ref: Reference) => {
    if (!ref.isWrite() || ref.init === true) return true;
    // `for (let i = 0; ...; i++) { shell }`: the update writes the copy the next iteration makes.
    const update = loop?.type === 'ForStatement' ? (loop.update as Node | null) : null;
    const body = loop?.body as Node | undefined;
    const id = ref.identifier as unknown as Node;
    return update != null && body !== undefined && id.start >= update.start && id.end <= update.end && shell.start >= body.start && shell.end <= body.end;
  });
}

/** The block a `let` can open in this scope: a block statement, or a function's body; null for any other scope. */
function bodyBlock(scope: Scope): Node | null {
  const block = scope.block as unknown as Node;
  if (scope.type === 'block' && block.type === 'BlockStatement') return block;
  if (scope.type === 'function' && (block.body as Node | undefined)?.type === 'BlockStatement') return block.body as Node;
  return null;
}

/** Insert `text` after the block's `{` and its directive prologue. */
function declarationAt(block: Node, text: string): LineEdit {
  const { at, loc } = afterDirectives(block);
  return { at, end: at, line: loc.line - 1, column: loc.column, text: ` ${text}` };
}

/** The shared-body names the code already has (a program may use one): a new name must be none of them. */
function usedNames(code: string): Set<string> {
  return new Set(code.match(new RegExp(`${SHARED_BODY_PREFIX}\\d+`, 'g')) ?? []);
}

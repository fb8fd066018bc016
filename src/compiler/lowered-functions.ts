/**
 * Lowered functions look like what they were. esbuild turns `async function
 * f(a) { ... }` into a plain `function f(a) { return __async(this, null,
 * function* () { ... }); }` (a "shell"), so a program could see a plain
 * function: Function.prototype as its [[Prototype]], an own `prototype`,
 * constructible with `new`. And its renamer gives a binding that shadows a
 * name of an outer scope a new name (`fn` -> `fn2`), which changes `fn.name`.
 * This pass mends esbuild's output with a parser (acorn), on the patterns
 * esbuild prints:
 *
 * - a shell function expression becomes a method of an object literal
 *   (`__lowered({ "f"(a) { ... } }["f"], 0)`): a method has no `prototype`
 *   and is not a constructor, as an async function; its key is the name the
 *   function has in Node (its own, or the one NamedEvaluation gives it:
 *   `const f = async function () {}`). A named one that refers to itself is
 *   bound to its name by a `const` in an arrow around it (a method has no
 *   inner binding of its name);
 * - a shell declaration becomes such a method too, `var f = ...` (`let` in an
 *   inner block), its lines moved to the start of its block so it stays
 *   hoisted (the moved lines take their source-map lines along); one that
 *   cannot move (not on lines of its own) is marked after its block's `{`;
 * - a shell arrow is wrapped (`__lowered(arrow, 0, "f")`), the name passed
 *   where NamedEvaluation would have given it; async methods are marked by
 *   `__loweredMethods` around their object literal or in a static block first
 *   in their class;
 * - `__lowered` (runtime/function-shapes.ts) gives each the prototype Node
 *   gives it, %AsyncFunction.prototype% or %AsyncGeneratorFunction.prototype%,
 *   and an async generator function its own `prototype` object;
 * - identifiers esbuild renamed get their source name back (the source map
 *   says which: esbuild records the original name of each renamed one), where
 *   every occurrence of the printed name records the same source name (esbuild's
 *   own references, a TypeScript enum's say, record none) and that cannot
 *   capture a name esbuild made itself (theirs start with `_`, or are its
 *   for-await temporaries);
 * - in the same pass, esbuild's `for await` gets the spec's checks of the
 *   results it awaits (for-await-fixups.ts).
 *
 * Every edit stays on one line; the source map's segments after an edit on
 * its line move by the edit's change in length. Not mended (src/runtime/README.md
 * says so): a declaration directly in a `switch` case, and functions whose
 * NamedEvaluation name is computed at run time (`{ [k]: async () => {} }`),
 * keep a plain function's shape. Tests: tests/runtime/lowered-functions.test.ts.
 */
import { decode, encode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';
import { LOWERED_HELPERS, LOWERED_KIND } from '../contract/program.ts';
import { afterDirectives, isPlainParameter, shellCall, someChild, walk } from './ast.ts';
import type { ParseFn } from './async-generator-fixups.ts';
import type { LineEdit } from './line-edits.ts';
import type { ShareLoweredBodies } from './shared-bodies.ts';
import { forAwaitClose, forAwaitStep, type Insert, type LoweredNode as Node } from './for-await-fixups.ts';

type LoweredName = keyof typeof LOWERED_HELPERS;
const LOWERED: LoweredName = '__lowered';
const LOWERED_METHODS: LoweredName = '__loweredMethods';
const ENTRY = '__main';

/** esbuild's helpers whose third argument is a lowered body: 0 an async function, 1 an async generator. */
const SHELL_KIND: Readonly<Record<string, number>> = { __async: 0, __asyncGenerator: LOWERED_KIND.ASYNC_GENERATOR };
/** Lowerings whose generated names are not `_`-prefixed (decorators, `using`) make renaming back unsafe. */
const NO_RENAME_IF = /__using\(|__decorat|__runInitializers/;
/** Names esbuild's for-await lowering makes (iter, more, temp, error, and numbered). */
const FOR_AWAIT_TEMP = /^(?:iter|more|temp|error)\d*$/;

/** Whether esbuild's output has anything this pass would change. */
export function needsLoweredFunctionFixups(code: string): boolean {
  return code.includes('__async(') || code.includes('__asyncGenerator(') || code.includes('__forAwait(');
}

/** Apply the pass to esbuild's `code` and source `map` (JSON); unchanged if `parse` throws. */
export function fixLoweredFunctions(code: string, map: string, parse: ParseFn, shareBodies?: ShareLoweredBodies): { code: string; map: string } {
  let ast: Node;
  try {
    // Ranges: the shared-bodies analysis (eslint-scope) reads them.
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true, ranges: true }) as Node;
  } catch {
    return { code, map };
  }
  const parsedMap = JSON.parse(map) as { mappings: string; names?: string[] };
  const lines: SourceMapMappings = decode(parsedMap.mappings);
  const names = parsedMap.names ?? [];
  const renameBack = names.length > 0 && !NO_RENAME_IF.test(code);
  /** The name the source map records for the identifier esbuild printed at `node` (its source name, if it renamed it). */
  const mappedName = (node: Node): string | undefined => {
    const segments = lines[node.loc.start.line - 1];
    if (!segments) return undefined;
    for (const s of segments) {
      if (s[0] === node.loc.start.column && s.length === 5) {
        const name = names[s[4]];
        if (name === undefined || name === node.name || name.startsWith('_') || FOR_AWAIT_TEMP.test(name)) return undefined;
        if (!/^[\p{ID_Start}$][\p{ID_Continue}$\u200c\u200d]*$/u.test(name)) return undefined;
        return name;
      }
      if (s[0] > node.loc.start.column) break;
    }
    return undefined;
  };
  // A printed name goes back to its source name only if every occurrence of it says so: esbuild's
  // own references to a symbol it renamed (a TypeScript enum's, say) carry no name.
  const renames = new Map<string, string | null>();
  if (renameBack) {
    walk(ast, (node, parent) => {
      if (node.type !== 'Identifier' || isPropertyName(node, parent)) return;
      const printed = node.name as string;
      const name = mappedName(node) ?? null;
      const known = renames.get(printed);
      if (known === undefined) renames.set(printed, name);
      else if (known !== name) renames.set(printed, null);
    });
  }
  /** The source name of an identifier esbuild renamed, where it can be given back. */
  const sourceName = (node: Node): string | undefined => renames.get(node.name as string) ?? undefined;

  const edits: LineEdit[] = [];
  const insert = (at: number, loc: { line: number; column: number }, text: string): void => {
    edits.push({ at, end: at, line: loc.line - 1, column: loc.column, text });
  };
  const replaced = new Set<number>();
  const replace = (node: { start: number; end: number; loc: Node['loc'] }, end: number, text: string): void => {
    // acorn may give a shorthand property one node as key and value: rewrite it once.
    if (replaced.has(node.start)) return;
    replaced.add(node.start);
    edits.push({ at: node.start, end, line: node.loc.start.line - 1, column: node.loc.start.column, text });
  };
  /** Identifier nodes an edit already rewrites (not renamed again). */
  const consumed = new Set<Node>();
  /** Statement lists (BlockStatement) -> declarations to mark at their start. */
  const marks = new Map<Node, string[]>();
  /** Shell declarations whose lines move to the start of their block (0-based lines: start..end go after `after`). */
  const moves: Array<{ start: number; end: number; after: number }> = [];
  /** The parent of each block (is it a function's body?). */
  const blockParents = new Map<Node, Node | null>();
  const codeLines = code.split('\n');
  /** Current binding name of an identifier: its source name if renamed back. */
  const bindingName = (id: Node): string => sourceName(id) ?? (id.name as string);

  /** The two edits that wrap each arrow in `__lowered(...)`: dropped for an arrow the sharing pass replaces. */
  const arrowWraps = new Map<Node, LineEdit[]>();

  const visit = (node: Node, parent: Node | null): void => {
    if (node.type === 'BlockStatement') blockParents.set(node, parent);
    if (node.type === 'ForStatement') forAwaitStep(node, insert);
    if (node.type === 'TryStatement') forAwaitClose(node, insert);
    const kind = shellKind(node);
    if (kind !== undefined && !isEntry(node, parent)) {
      if (node.type === 'ArrowFunctionExpression') {
        const name = inferredName(node, parent, sourceName);
        // `new (async () => {})`: nothing can see the arrow before `new` throws, and unwrapped V8's
        // message names it "(intermediate value)", as Node's does.
        const newCallee = parent?.type === 'NewExpression' && parent.callee === node;
        if (name !== COMPUTED && !newCallee) {
          insert(node.start, node.loc.start, `${LOWERED}(`);
          insert(node.end, node.loc.end, `, ${kind}${name === undefined ? '' : `, ${JSON.stringify(name)}`})`);
          arrowWraps.set(node, edits.slice(-2));
        }
      } else if (node.type === 'FunctionDeclaration') {
        const id = node.id as Node;
        const after = parent?.type === 'BlockStatement' ? movableTo(node, parent, codeLines) : undefined;
        if (after !== undefined) {
          // Hoisted by hand: its lines move to the start of its block as `var f = method` (let in an inner block).
          const name = bindingName(id);
          const key = JSON.stringify(name);
          consumed.add(id);
          const binding = isFunctionBody(parent!, blockParents.get(parent!) ?? null) ? 'var' : 'let';
          replace(node, id.end, `${binding} ${name} = ${LOWERED}({ ${key}`);
          insert(node.end, node.loc.end, ` }[${key}], ${kind});`);
          moves.push({ start: node.loc.start.line - 1, end: node.loc.end.line - 1, after });
        } else if (parent?.type === 'BlockStatement') {
          const list = marks.get(parent) ?? [];
          list.push(`${LOWERED}(${bindingName(id)}, ${kind});`);
          marks.set(parent, list);
        }
      } else if (node.type === 'FunctionExpression' && !isMethodValue(node, parent)) {
        const id = node.id as Node | null;
        if (id !== null && refersTo(node.body as Node, id.name as string)) {
          // It refers to itself by its name: the method is bound to that name in an arrow's scope,
          // immutable as a function expression's own name (an assignment to it throws).
          const name = bindingName(id);
          const key = JSON.stringify(name);
          consumed.add(id);
          replace(node, id.end, `(() => { const ${name} = ${LOWERED}({ ${key}`);
          insert(node.end, node.loc.end, ` }[${key}], ${kind}); return ${name}; })()`);
        } else {
          const name = id !== null ? bindingName(id) : inferredName(node, parent, sourceName);
          if (name !== COMPUTED) {
            const key = JSON.stringify(name ?? '');
            if (id !== null) consumed.add(id);
            const headerEnd = id !== null ? id.end : node.start + 'function'.length;
            const generator = node.generator === true ? '*' : '';
            replace(node, headerEnd, `${LOWERED}({ ${generator}${key}`);
            insert(node.end, node.loc.end, ` }[${key}], ${kind})`);
          }
        }
      }
    }
    if (node.type === 'ObjectExpression') markObjectMethods(node, insert);
    if (node.type === 'ClassBody') markClassMethods(node, insert);
    if (node.type === 'Identifier' && !consumed.has(node) && !isPropertyName(node, parent)) {
      const name = sourceName(node);
      if (name !== undefined) replace(node, node.end, name);
    }
    someChild(node, (child) => visit(child, node));
  };
  visit(ast, null);
  // Calls of one async function share its body (shared-bodies.ts), decided on this same tree; its
  // edits name what they pass as this pass renames it.
  // An async arrow given to createTask as its state machine is gone (shared-bodies.ts): nothing to wrap.
  if (shareBodies) {
    const shared = shareBodies(ast, code, (printed) => renames.get(printed) ?? printed);
    if (shared.unwrapped.size > 0) {
      const dropped = new Set<LineEdit>();
      for (const arrow of shared.unwrapped) for (const edit of arrowWraps.get(arrow) ?? []) dropped.add(edit);
      for (let i = edits.length - 1; i >= 0; i--) if (dropped.has(edits[i]!)) edits.splice(i, 1);
    }
    edits.push(...shared.edits);
  }
  for (const [block, list] of marks) {
    // After the directive prologue, if any (esbuild keeps "use strict" in a function body).
    const { at, loc } = afterDirectives(block);
    insert(at, loc, ` ${list.join(' ')}`);
  }
  if (edits.length === 0) return { code, map };

  edits.sort((a, b) => b.at - a.at || b.end - a.end);
  let out = code;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  // Right to left, so each edit's column is still as parsed when its line's segments move: what
  // stood at or after an insertion, or after a replaced span, moves by the change in length.
  for (const e of edits) {
    const segments = lines[e.line];
    if (!segments) continue;
    const removed = e.end - e.at;
    for (const segment of segments) if (segment[0] >= e.column + removed) segment[0] += e.text.length - removed;
  }
  // Then the hoisted declarations' lines move (the edits above added no line): innermost and last
  // first, each right after its block's opening line, so declarations keep their order.
  let outLines = out.split('\n');
  let mapLines = lines;
  if (moves.length > 0) {
    const order = outLines.map((_, i) => i);
    moves.sort((a, b) => b.start - a.start);
    for (const move of moves) {
      const from = order.indexOf(move.start);
      const count = order.indexOf(move.end) - from + 1;
      const taken = order.splice(from, count);
      order.splice(order.indexOf(move.after) + 1, 0, ...taken);
    }
    outLines = order.map((i) => outLines[i]!);
    mapLines = order.map((i) => lines[i] ?? []);
    out = outLines.join('\n');
  }
  parsedMap.mappings = encode(mapLines);
  return { code: out, map: JSON.stringify(parsedMap) };
}

/** Whether `block` is the body of a function (a `var` there is the function's, as a declaration's binding). */
function isFunctionBody(block: Node, parent: Node | null): boolean {
  return parent !== null && /Function/.test(parent.type) && parent.body === block;
}

/**
 * The line a shell declaration's lines can move after (0-based), or undefined: it must fill
 * whole lines, and its block must open on a line of its own (after any directives), as esbuild
 * prints them.
 */
function movableTo(node: Node, block: Node, codeLines: string[]): number | undefined {
  const startLine = node.loc.start.line - 1;
  const endLine = node.loc.end.line - 1;
  if (codeLines[startLine]!.slice(0, node.loc.start.column).trim() !== '') return undefined;
  if (codeLines[endLine]!.slice(node.loc.end.column).trim() !== '') return undefined;
  let after = block.loc.start.line - 1;
  let afterColumn = block.loc.start.column + 1;
  const body = block.body as Node[];
  let i = 0;
  for (; i < body.length; i++) {
    const statement = body[i]!;
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') break;
    after = statement.loc.end.line - 1;
    afterColumn = statement.loc.end.column;
  }
  if (codeLines[after]!.slice(afterColumn).trim() !== '') return undefined;
  const first = body[i];
  if (first === undefined || first.loc.start.line - 1 <= after || startLine <= after) return undefined;
  return after;
}

/** The function's shell kind (LOWERED_KIND bits, DIRECT included) if it is esbuild's shell of a lowered function. */
function shellKind(node: Node): number | undefined {
  const call = shellCall(node);
  if (call === undefined) return undefined;
  const kind = SHELL_KIND[(call.callee as Node).name as string];
  if (kind === undefined) return undefined;
  const args = call.arguments as Node[];
  const isNull = (arg: Node): boolean => arg.type === 'Literal' && arg.value === null;
  // esbuild leaves on the shell only parameters that run no code (names, literal defaults, a rest name).
  const direct =
    (node.params as Node[]).every(isPlainParameter) &&
    (args[0]!.type === 'ThisExpression' || isNull(args[0]!)) &&
    (isNull(args[1]!) || (args[1]!.type === 'Identifier' && args[1]!.name === 'arguments'));
  return direct ? kind + LOWERED_KIND.DIRECT : kind;
}

/** The program's entry, `__main(() => __async(...))`: the top level, not a function of the reader's. */
function isEntry(node: Node, parent: Node | null): boolean {
  return parent?.type === 'CallExpression' && (parent.callee as Node).type === 'Identifier' && (parent.callee as Node).name === ENTRY;
}

/** A method's function (class or object literal method): marked by its object or class instead. */
function isMethodValue(node: Node, parent: Node | null): boolean {
  return parent !== null && ((parent.type === 'Property' && (parent.method === true || parent.kind !== 'init')) || parent.type === 'MethodDefinition');
}

/** An identifier that names a property, not a binding (a key, a member name). */
function isPropertyName(node: Node, parent: Node | null): boolean {
  if (parent === null) return false;
  if ((parent.type === 'MemberExpression') && parent.property === node && parent.computed !== true) return true;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && parent.key === node && parent.computed !== true) {
    // A shorthand property's key is also its value (a binding).
    return !(parent.type === 'Property' && parent.shorthand === true);
  }
  return parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement';
}

/** NamedEvaluation's name is known only at run time (a computed key). */
const COMPUTED = Symbol('computed');

/**
 * The name NamedEvaluation gives an anonymous function at this place (ECMA-262:
 * `x = f`, `const x = f`, `{ x: f }`, `x = f` as a default, a class field), or
 * undefined where it gives none.
 */
function inferredName(node: Node, parent: Node | null, sourceName: (id: Node) => string | undefined): string | undefined | typeof COMPUTED {
  if (parent === null) return undefined;
  const idName = (id: Node): string => sourceName(id) ?? (id.name as string);
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === node && (parent.id as Node).type === 'Identifier' ? idName(parent.id as Node) : undefined;
    case 'AssignmentExpression':
      return parent.right === node && (parent.left as Node).type === 'Identifier' && ['=', '||=', '&&=', '??='].includes(parent.operator as string)
        ? idName(parent.left as Node)
        : undefined;
    case 'AssignmentPattern':
      return parent.right === node && (parent.left as Node).type === 'Identifier' ? idName(parent.left as Node) : undefined;
    case 'Property':
    case 'PropertyDefinition': {
      if (parent.value !== node) return undefined;
      const key = parent.key as Node;
      if (parent.computed === true) return key.type === 'Literal' && typeof key.value === 'string' ? key.value : COMPUTED;
      if (key.type === 'Identifier') return parent.type === 'Property' && key.name === '__proto__' ? undefined : (key.name as string);
      if (key.type === 'PrivateIdentifier') return `#${key.name as string}`;
      if (key.type === 'Literal') return parent.type === 'Property' && key.value === '__proto__' ? undefined : String(key.value);
      return COMPUTED;
    }
    default:
      return undefined;
  }
}

/** Whether `name` occurs as an identifier anywhere in `node` (conservative: any occurrence counts). */
function refersTo(node: Node, name: string): boolean {
  if (node.type === 'Identifier' && node.name === name) return true;
  return someChild(node, (child) => refersTo(child, name));
}

/** The literal key of a method, if it can be named without running code. */
function staticKey(method: Node): string | undefined {
  const key = method.key as Node;
  if (method.computed === true) return key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal') return String(key.value);
  return undefined;
}

/** `{ async m() {} }`: `__loweredMethods({ ... }, ["m", 0])` marks its lowered methods once the object is made. */
function markObjectMethods(node: Node, insert: Insert): void {
  const entries: string[] = [];
  for (const property of node.properties as Node[]) {
    if (property.type !== 'Property' || property.method !== true) continue;
    const kind = shellKind(property.value as Node);
    const key = kind === undefined ? undefined : staticKey(property);
    if (key !== undefined) entries.push(`${JSON.stringify(key)}, ${kind}`);
  }
  if (entries.length === 0) return;
  insert(node.start, node.loc.start, `${LOWERED_METHODS}(`);
  insert(node.end, node.loc.end, `, 0, [${entries.join(', ')}])`);
}

/** A class's async methods: a static block first in its body marks them (methods exist before any static element runs). */
function markClassMethods(node: Node, insert: Insert): void {
  const entries: string[] = [];
  for (const member of node.body as Node[]) {
    if (member.type !== 'MethodDefinition' || member.kind !== 'method' || (member.key as Node).type === 'PrivateIdentifier') continue;
    const kind = shellKind(member.value as Node);
    const key = kind === undefined ? undefined : staticKey(member);
    // Static methods on the class itself, the others on its prototype: LOWERED_KIND.STATIC says which.
    if (key !== undefined) entries.push(`${JSON.stringify(key)}, ${member.static === true ? kind! + LOWERED_KIND.STATIC : kind}`);
  }
  if (entries.length === 0) return;
  insert(node.start + 1, { line: node.loc.start.line, column: node.loc.start.column + 1 }, ` static { ${LOWERED_METHODS}(this, 1, [${entries.join(', ')}]); }`);
}

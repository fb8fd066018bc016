/**
 * An arrow's shared body whose awaits are all statements at its top level
 * becomes a state machine.
 *
 * A lowered async function's body is a generator (shared-bodies.ts), and
 * every suspended call keeps a generator object and its register file alive:
 * 160 bytes a task (`npm run bench:heap`), about a tenth of the time of a
 * run of 100,000 sleeping tasks (bench/README.md, eleventh session).
 * When every `await` of the body is a statement of its own at the body's top
 * level -
 *
 *     await e;          const x = await e;          let x = await e;          return await e;
 *
 * - the body is a list of straight runs of statements between awaits, and a
 * small class can be it: each local is a private field, `next(value)`
 * resumes at the run after the await it stopped at, `throw(error)` throws
 * at that await (no `try` is around it, so the error leaves the body). The
 * call's shell constructs it (shared-bodies.ts), and the driver steps it as
 * it steps a generator (runtime/driver.ts, `bodyNext`, `bodyThrow`).
 *
 *     new (__asyncBody1 ??= class { #state = 0; #v_i; constructor(i) { this.#v_i = i; }
 *       next(__smValue) { const __smState = this.#state; this.#state = -1; switch (__smState) { case 0:
 *         this.#state = 1; return { done: false, value: (sleep(1)) }; case 1:
 *         console.log('woke', this.#v_i);
 *       } return { done: true, value: void 0 }; } throw(error) { this.#state = -1; throw error; } })(i), 3)
 *
 * Only what cannot change what the program sees is rewritten; any other body
 * stays a generator:
 * - only an arrow's body: a function's or method's frame in a stack shows
 *   its `this` (`at Object.m`, which V8 prints for the generator it calls
 *   with that `this`), and a state machine's `this` is the machine;
 * - locals are the body's `let`/`const` (plain names), and
 *   the names the share passes in; a `var`, a function declared in the body,
 *   a class in it, `this`, `arguments`, `super`, `new.target`, a direct
 *   `eval`, or a function in the body that reads a local keeps the generator;
 * - a local read before its declaration (the temporal dead zone's
 *   ReferenceError) or a `const` assigned (its TypeError) keeps it too;
 * - so does a body other shared bodies are declared in (shared-bodies.ts):
 *   its `switch` would skip their `let` when it resumes;
 * - every edit stays on its line (line-edits.ts), and a name the
 *   lowered-function pass renames back is left to that pass: the edits
 *   insert `this.#v_` before it. A local the edits must write themselves (the
 *   header's parameters, `const x = await e`) must not be one it renames.
 * Tests: tests/runtime/state-machines.test.ts.
 */
import type { Reference, Scope } from 'eslint-scope';
import { walk, walkOwn, type AstNode as Node } from './ast.ts';
import type { LineEdit } from './line-edits.ts';

/** Names the machine's methods use; a body whose code has them anywhere stays a generator. */
const VALUE = '__smValue';
const STATE = '__smState';
/** The names a state machine declares in compiled code (a parameter and a constant): tests/runtime/contract.test.ts. */
export const STATE_MACHINE_NAMES: readonly string[] = [VALUE, STATE];

/**
 * The edits that make the shared generator function of the helper call `call` (the body, whose
 * scope is `scope`) a state machine class, or null when it must stay a generator. `captured` are
 * the names the share passes (the constructor's parameters); `finalName` is the lowered-function
 * pass's renaming.
 */
export function stateMachineEdits(scope: Scope, call: Node, captured: readonly string[], code: string, finalName: (printed: string) => string): LineEdit[] | null {
  const [thisArg, argsNode, body] = call.arguments as [Node, Node, Node];
  const block = body.body as Node;
  const statements = block.body as Node[];
  if (code.includes(VALUE) || code.includes(STATE) || scope.dynamic) return null;
  // Only an arrow's body (esbuild passes it `null`): a function's frame shows its `this` (V8 names
  // a method's frame `Object.m`, runtime/stack-map.ts), and a state machine's `this` is itself.
  // A shared arrow's body gets no arguments of its own and has no parameters (its shell's are
  // among the names passed, shared-bodies.ts): its constructor takes just those names.
  if (thisArg.type !== 'Literal' || argsNode.type !== 'Literal' || (body.params as Node[]).length > 0) return null;
  // The header is replaced as one edit on one line.
  if (body.loc.start.line !== block.loc.start.line) return null;
  if (statements.some((s) => s.type === 'ExpressionStatement' && typeof s.directive === 'string')) return null;

  // Where each await is: only a top-level statement of one of the four forms.
  const awaits = new Map<Node, Node>();
  for (const statement of statements) {
    const awaited = awaitOf(statement);
    if (awaited === undefined) continue;
    if (awaited === null) return null;
    awaits.set(statement, awaited);
  }
  // Anything that names the function's own `this` or `new.target` (looked for in functions in
  // the body too: simpler than telling arrows from the rest) keeps the generator; so does a class
  // in the body, whose own private names could hide the machine's in its computed keys. The same
  // walk finds the shorthand properties (`{ x }`), whose name the edits below must spell out.
  let yields = 0;
  let unsupported = false;
  const shorthand = new Set<number>();
  walk(block, (node) => {
    if (node.type === 'YieldExpression') yields++;
    if (node.type === 'ThisExpression' || node.type === 'Super' || node.type === 'MetaProperty' || /^Class/.test(node.type)) unsupported = true;
    if (node.type === 'Property' && node.shorthand === true) shorthand.add((node.value as Node).start);
  });
  if (unsupported || yields !== awaits.size) return null;

  // The locals: the body's own variables (the let/const of its top level), and the
  // captured names, which it reads through its scope; and every reference to one of them.
  const locals: string[] = [];
  const references: Reference[] = [];
  for (const variable of scope.variables) {
    if (variable.name === 'arguments') {
      if (variable.references.length > 0) return null;
      continue;
    }
    if (!variable.defs.every((def) => def.type === 'Variable' && (def.parent as unknown as Node).kind !== 'var' && statements.includes(def.parent as unknown as Node))) return null;
    locals.push(variable.name);
    references.push(...variable.references);
  }
  locals.push(...captured);
  for (const ref of scope.through) if (ref.resolved !== null && captured.includes(ref.identifier.name)) references.push(ref);
  // Each from the body itself (not from a function in it), and none that the fields would change.
  for (const ref of references) {
    if (ref.from.variableScope !== scope) return null;
    const variable = ref.resolved;
    if (variable === null || variable.scope !== scope) continue;
    const def = variable.defs[0]!;
    if (def.type !== 'Variable') continue;
    const declarator = def.node as unknown as Node;
    const id = ref.identifier as unknown as Node;
    if (ref.init === true && id === declarator.id) continue;
    // Before its declaration is done: the temporal dead zone (a ReferenceError the fields would not throw).
    if (id.start < declarator.end) return null;
    if ((def.parent as unknown as Node).kind === 'const' && ref.isWrite()) return null;
  }

  const field = (name: string): string => `#v_${finalName(name)}`;
  const edits: LineEdit[] = [];
  /** A span that is not on one line cannot be an edit (line-edits.ts): the body stays a generator. */
  let acrossLines = false;
  const replace = (at: number, end: number, loc: { line: number; column: number }, text: string): void => {
    if (code.slice(at, end).includes('\n')) acrossLines = true;
    edits.push({ at, end, line: loc.line - 1, column: loc.column, text });
  };
  /** Identifiers (by position) already edited: the await edits write some themselves. */
  const prefixed = new Set<number>();
  let state = 0;
  for (const statement of statements) {
    const awaited = awaits.get(statement);
    if (statement.type === 'VariableDeclaration') {
      const declarators = statement.declarations as Node[];
      if (awaited !== undefined) {
        // `const x = yield e;`: suspend with e, then set x from the value it resumes with.
        const id = declarators[0]!.id as Node;
        if (finalName(id.name as string) !== id.name) return null;
        prefixed.add(id.start);
        state++;
        replace(statement.start, awaited.start, statement.loc.start, `this.#state = ${state}; return { done: false, value: (`);
        replace(awaited.end, statement.end, awaited.loc.end, `) }; case ${state}: this.${field(id.name as string)} = ${VALUE};`);
      } else {
        // `let a = 1, b;` becomes `this.#v_a = 1, this.#v_b;`: the fields start as undefined. A
        // declarator without a value has no reference to rewrite below: its name is prefixed here.
        const first = declarators[0]!;
        replace(statement.start, first.start, statement.loc.start, '');
        for (const declarator of declarators) {
          const id = declarator.id as Node;
          if (id.type !== 'Identifier') return null;
          if (declarator.init === null) replace(id.start, id.start, id.loc.start, 'this.#v_');
        }
      }
      continue;
    }
    if (awaited === undefined) continue;
    state++;
    replace(statement.start, awaited.start, statement.loc.start, `this.#state = ${state}; return { done: false, value: (`);
    const resumed = statement.type === 'ReturnStatement' ? ` return { done: true, value: ${VALUE} };` : '';
    replace(awaited.end, statement.end, awaited.loc.end, `) }; case ${state}:${resumed}`);
  }
  // Returns anywhere in the body (not in a function in it): the machine is done.
  walkOwn(block, (node) => {
    if (node.type !== 'ReturnStatement' || awaits.has(node)) return;
    const argument = node.argument as Node | null;
    if (argument === null) {
      replace(node.start, node.end, node.loc.start, 'return { done: true, value: void 0 };');
    } else {
      replace(node.start, argument.start, node.loc.start, 'return { done: true, value: (');
      replace(argument.end, node.end, argument.loc.end, ') };');
    }
  });
  // One edit per identifier: a pattern's default (`{ p = 1 } = o`) gives its name two references.
  for (const ref of references) {
    const id = ref.identifier as unknown as Node;
    if (prefixed.has(id.start)) continue;
    prefixed.add(id.start);
    const name = id.name as string;
    // `{ x }` becomes `{ x: this.#v_x }`; elsewhere `this.#v_` goes before the name, which the
    // lowered-function pass renames back if it does (the field has the final name).
    if (shorthand.has(id.start)) replace(id.end, id.end, id.loc.end, `: this.${field(name)}`);
    else replace(id.start, id.start, id.loc.start, 'this.#v_');
  }

  const fields = locals.map((name) => ` ${field(name)};`).join('');
  const init = captured.map((name) => ` this.${field(name)} = ${finalName(name)};`).join('');
  const header = `class { #state = 0;${fields} constructor(${captured.map(finalName).join(', ')}) {${init} } next(${VALUE}) { const ${STATE} = this.#state; this.#state = -1; switch (${STATE}) { case 0:`;
  replace(body.start, block.start + 1, body.loc.start, header);
  const close = block.end - 1;
  replace(close, block.end, { line: block.loc.end.line, column: block.loc.end.column - 1 }, `} return { done: true, value: void 0 }; } throw(error) { this.#state = -1; throw error; } }`);
  return acrossLines ? null : edits;
}

/**
 * The await a top-level statement is (the YieldExpression's argument), undefined for a statement
 * with no await at its top, null for a form this pass does not take (a statement that has an
 * await elsewhere is found by the count of yields).
 */
function awaitOf(statement: Node): Node | null | undefined {
  let yieldNode: Node | undefined;
  if (statement.type === 'ExpressionStatement') yieldNode = statement.expression as Node;
  else if (statement.type === 'ReturnStatement') yieldNode = (statement.argument as Node | null) ?? undefined;
  else if (statement.type === 'VariableDeclaration') {
    const declarators = statement.declarations as Node[];
    const init = declarators[0]?.init as Node | null | undefined;
    if (declarators.length !== 1 || init?.type !== 'YieldExpression') return undefined;
    if ((declarators[0]!.id as Node).type !== 'Identifier') return null;
    yieldNode = init;
  }
  if (yieldNode?.type !== 'YieldExpression') return undefined;
  const argument = yieldNode.argument as Node | null;
  if (yieldNode.delegate === true || argument === null) return null;
  return argument;
}

/**
 * Which identifiers of a compiled program are the "miniloop" module's own
 * exports: the bindings of its import (`const { sleep, createTask: spawn } =
 * __ml;`, module-syntax.ts) as scope analysis resolves them, so that a name
 * of the program's own - a local `sleep`, a parameter, an `__ml` of its own -
 * is never taken for one. The passes that rewrite calls of the module's
 * functions read them (awaited-sleeps.ts, shared-bodies.ts).
 * Tests: tests/runtime/awaited-sleeps.test.ts, tests/runtime/task-machines.test.ts.
 */
import type { Reference, ScopeManager, Variable } from 'eslint-scope';
import { API_PARAM } from '../contract/program.ts';
import type { AstNode as Node } from './ast.ts';

/** Every identifier node that reads the module's export `name`, under any name it was imported as. */
export function moduleReferences(scopes: ScopeManager, name: string): Set<Node> {
  const found = new Set<Node>();
  for (const scope of scopes.scopes) {
    for (const variable of scope.variables) {
      if (isImportOf(variable, name)) for (const ref of variable.references) found.add(ref.identifier as unknown as Node);
    }
  }
  return found;
}

/** A binding of the module's export `name`: `const { name } = __ml;` (or `name: local`), `__ml` the program's parameter. */
function isImportOf(variable: Variable, name: string): boolean {
  if (variable.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable' || (def.parent as unknown as Node).kind !== 'const') return false;
  const declarator = def.node as unknown as Node;
  const init = declarator.init as Node | null;
  const pattern = declarator.id as Node;
  if (init?.type !== 'Identifier' || init.name !== API_PARAM || pattern.type !== 'ObjectPattern') return false;
  // `__ml` itself must be the parameter, not a binding of the program's that shadows it.
  const apiRef = variable.scope.references.find((ref: Reference) => (ref.identifier as unknown as Node) === init);
  if (apiRef === undefined || apiRef.resolved !== null) return false;
  return (pattern.properties as Node[]).some((property) => {
    if (property.type !== 'Property' || property.computed === true || property.value !== (def.name as unknown as Node)) return false;
    const key = property.key as Node;
    return key.type === 'Identifier' ? key.name === name : key.value === name;
  });
}

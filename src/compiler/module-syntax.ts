/**
 * A program's top level runs inside an async function (so top-level `await`
 * works and async functions can be lowered), where `import` and `export` are
 * not allowed. This module blanks those statements out of the source - with
 * spaces, so every other line and column stays where it was and esbuild's
 * source map still points at the reader's text - and turns the imports into
 * declarations the wrapper puts on its first line.
 *
 * Only the runtime's own module can be imported ("miniloop"); anything else is
 * a compile error at the import's line and column.
 */

import { importDeclaration, RUNTIME_MODULE, type SourceError } from '../contract/program.ts';

export type { SourceError } from '../contract/program.ts';

/** The result of blanking module syntax out of a source file. */
export interface ModuleSyntax {
  /** The source with import/export syntax replaced by spaces (same lines and columns). */
  body: string;
  /** Declarations binding imported names, e.g. `const { sleep, run: go } = __ml;`. */
  declarations: string;
  errors: SourceError[];
}


const IMPORT = /^([ \t]*)import\b(\s+type\b)?([^'";]*?)\bfrom\s*(['"])([^'"\n]*)\4[ \t]*;?|^([ \t]*)import\s*(['"])([^'"\n]*)\7[ \t]*;?/gm;
const EXPORT_LIST = /^([ \t]*)export\s*(?:type\s*)?\{[^}]*\}(?:\s*from\s*(['"])[^'"\n]*\2)?[ \t]*;?/gm;
const EXPORT_KEYWORD = /^([ \t]*)(export\s+(?:default\s+)?)(?=(?:async\s+)?(?:function|class|const|let|var|interface|type|enum|abstract|declare)\b)/gm;

/** Replace each non-newline character with a space. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function position(source: string, index: number): { line: number; column: number; lineText: string } {
  const before = source.slice(0, index);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = source.indexOf('\n', index);
  return { line, column: index - lineStart, lineText: source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd) };
}

/** Turn an import clause (`{ a, b as c, type T }`, `* as ns`) into a declaration target, or an error message. */
function bindingPattern(clause: string): { pattern: string | null; error?: string } {
  const text = clause.trim();
  if (text.startsWith('* as ')) return { pattern: text.slice(5).trim() };
  const braces = /^\{([\s\S]*)\}$/.exec(text);
  if (!braces) {
    return { pattern: null, error: `"miniloop" has no default export: write import { name } from "miniloop"` };
  }
  const parts: string[] = [];
  for (const raw of braces[1]!.split(',')) {
    const spec = raw.trim();
    if (!spec || /^type\s/.test(spec)) continue;
    const renamed = /^([\w$]+)\s+as\s+([\w$]+)$/.exec(spec);
    parts.push(renamed ? `${renamed[1]}: ${renamed[2]}` : spec);
  }
  return { pattern: parts.length ? `{ ${parts.join(', ')} }` : null };
}

/** Blank out import/export syntax and collect the imported bindings. */
export function stripModuleSyntax(source: string): ModuleSyntax {
  const errors: SourceError[] = [];
  const declarations: string[] = [];
  let body = source.replace(IMPORT, (match, indent: string, typeOnly, clause: string, _q, from: string, indent2: string, _q2, bare: string, offset: number) => {
    const specifier = from ?? bare;
    const start = offset + (indent ?? indent2 ?? '').length;
    if (specifier !== RUNTIME_MODULE) {
      errors.push({
        ...position(source, start),
        message: `Cannot import "${specifier}": a program can only import from "miniloop" (the playground has no network and no file system)`,
      });
      return blank(match);
    }
    if (typeOnly || clause === undefined) return blank(match);
    const { pattern, error } = bindingPattern(clause);
    if (error) errors.push({ ...position(source, start), message: error });
    else if (pattern) declarations.push(importDeclaration(pattern));
    return blank(match);
  });
  body = body.replace(EXPORT_LIST, (match) => blank(match));
  body = body.replace(EXPORT_KEYWORD, (_m, indent: string, keyword: string) => indent + blank(keyword));
  return { body, declarations: declarations.join(' '), errors };
}

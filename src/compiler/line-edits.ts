/**
 * Edits that keep every line where it is: each replaces a span on one line (or
 * inserts at a point), and the source map's segments after it on that line
 * move by its change in length. The compiler passes that mend esbuild's
 * output make them (lowered-functions.ts, which applies its own because it
 * also moves whole lines; shared-bodies.ts, whose edits it applies;
 * async-generator-fixups.ts).
 */
import { decode, encode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';
import type { AstNode } from './ast.ts';

/** Replace the code from offset `at` to `end` (`end === at`: an insertion) by `text`; `line` (0-based) and `column` are where `at` is. */
export interface LineEdit {
  at: number;
  end: number;
  line: number;
  column: number;
  text: string;
}

/** An insertion of `text` before `node`'s first character (`atEnd`: after its last) as acorn locates it. */
export function insertAt(node: Pick<AstNode, 'start' | 'end' | 'loc'>, text: string, atEnd = false): LineEdit {
  const at = atEnd ? node.end : node.start;
  const pos = atEnd ? node.loc.end : node.loc.start;
  return { at, end: at, line: pos.line - 1, column: pos.column, text };
}

/**
 * Apply `edits` to `code` and its source `map` (JSON). Edits must not overlap;
 * two insertions at one offset land in the order given.
 */
export function applyLineEdits(code: string, map: string, edits: readonly LineEdit[]): { code: string; map: string } {
  if (edits.length === 0) return { code, map };
  // Right to left (the later of two at one offset first, so they keep their order), so each
  // edit's offset and column are still as parsed when it is applied.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.at - a.e.at || b.i - a.i);
  let out = code;
  for (const { e } of order) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  const parsed = JSON.parse(map) as { mappings: string };
  const lines: SourceMapMappings = decode(parsed.mappings);
  for (const { e } of order) {
    const segments = lines[e.line];
    if (!segments) continue;
    const removed = e.end - e.at;
    for (const segment of segments) if (segment[0] >= e.column + removed) segment[0] += e.text.length - removed;
  }
  parsed.mappings = encode(lines);
  return { code: out, map: JSON.stringify(parsed) };
}

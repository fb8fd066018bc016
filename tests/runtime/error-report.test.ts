/**
 * An uncaught exception group prints its tree as Python's traceback module
 * does (src/runtime/error-report.ts). The expected layout was printed by
 * CPython 3.11's traceback.print_exception for the same groups, with the
 * "Traceback (most recent call last):" and "File ..." lines left out (a
 * JavaScript stack has its frames under the headline instead).
 */
import { describe, expect, it } from 'vitest';
import { describeForReader } from '../../src/runtime/error-report.ts';
import { StackMapper } from '../../src/runtime/stack-map.ts';
import { ExceptionGroup } from '../../src/runtime/errors.ts';
import { runSource } from './run-source.ts';

const mapper = new StackMapper({ ok: true, code: '', map: '{"version":3,"sources":[],"names":[],"mappings":""}', lineOffset: 1, filename: 'main.ts', source: '' });

/** An error whose stack is its headline only (no frames), as Python prints an exception-only line. */
function bare(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  error.stack = `${name}: ${message}`;
  return error;
}
function group(message: string, members: unknown[]): ExceptionGroup {
  const g = new ExceptionGroup(message, members);
  g.stack = `ExceptionGroup: ${g.message}`;
  return g;
}
/** Python's first line is "+ Exception Group Traceback ..."; ours puts the `+` on the headline. */
const tree = (error: unknown) => describeForReader(error, mapper).stack.replace(/^ {2}\+ /, '  | ').split('\n');

describe('exception group tree', () => {
  it('nests members with their own margins, numbered, closed once', () => {
    const inner = group('inner', [bare('TypeError', 'b'), bare('KeyError', "'c'")]);
    expect(tree(group('outer', [bare('ValueError', 'a'), inner, bare('ValueError', 'd')]))).toEqual([
      '  | ExceptionGroup: outer (3 sub-exceptions)',
      '  +-+---------------- 1 ----------------',
      '    | ValueError: a',
      '    +---------------- 2 ----------------',
      '    | ExceptionGroup: inner (2 sub-exceptions)',
      '    +-+---------------- 1 ----------------',
      '      | TypeError: b',
      '      +---------------- 2 ----------------',
      "      | KeyError: 'c'",
      '      +------------------------------------',
      '    +---------------- 3 ----------------',
      '    | ValueError: d',
      '    +------------------------------------',
    ]);
    // A nested group as the last member closes the frame for both (Python prints one closing line).
    expect(tree(group('last nested', [bare('ValueError', 'a'), inner])).slice(-3)).toEqual([
      '      +---------------- 2 ----------------',
      "      | KeyError: 'c'",
      '      +------------------------------------',
    ]);
  });

  it('shows 15 members and counts the rest, as max_group_width does', () => {
    const lines = tree(group('many', Array.from({ length: 17 }, (_, i) => bare('ValueError', String(i)))));
    expect(lines.slice(-4)).toEqual(['    | ValueError: 14', '    +---------------- ... ----------------', '    | and 2 more exceptions', '    +------------------------------------']);
  });

  it('an uncaught group from a program shows each member with its stack in the reader\'s file', async () => {
    const result = await runSource(
      [
        "import { openNursery, sleep } from 'miniloop';",
        'async function a() { await sleep(1); throw new Error("a failed"); }',
        'async function b() { throw new TypeError("b failed"); }',
        'await openNursery(async (n) => { n.startSoon(a); n.startSoon(b); });',
      ].join('\n'),
    );
    const text = result.problems[0]!.message.split('\n');
    expect(text[0]).toBe('  + ExceptionGroup: Exceptions from Trio nursery (1 sub-exception)');
    expect(text).toContain('    | TypeError: b failed');
    expect(text, text.join('\n')).toContain('    |     at b (main.ts:3:28)');
    expect(text.at(-1)).toBe('    +------------------------------------');
  });
});

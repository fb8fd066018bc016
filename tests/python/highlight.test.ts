import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/python/highlight.ts';

describe('Python highlighting for the twin editor', () => {
  it('joins back to the source exactly and names what it colours', () => {
    const source = '@dataclass\nasync def main():  # go\n    s = f"x {1}" + \'\'\'a\n#b\'\'\'\n    await asyncio.sleep(0.5)\n    print(len("q"), 1_000)\n';
    const tokens = tokenize(source);
    expect(tokens.map((t) => t.text).join('')).toBe(source);
    const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    expect(kinds('decorator')).toEqual(['@dataclass']);
    expect(kinds('keyword')).toEqual(['async', 'def', 'await']);
    expect(kinds('name')).toEqual(['main']);
    expect(kinds('comment')).toEqual(['# go']);
    // The "#b" inside the triple-quoted string is string, not comment.
    expect(kinds('string')).toEqual(['f"x {1}"', "'''a\n#b'''", '"q"']);
    expect(kinds('number')).toEqual(['0.5', '1_000']);
    expect(kinds('builtin')).toEqual(['print', 'len']);
  });

  it('keeps an unterminated string to the end of its line', () => {
    const tokens = tokenize('x = "open\ny = 1\n');
    expect(tokens.find((t) => t.kind === 'string')!.text).toBe('"open');
    expect(tokens.map((t) => t.text).join('')).toBe('x = "open\ny = 1\n');
  });
});

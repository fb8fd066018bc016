/**
 * A small TypeScript tokenizer for the phone editor's highlighting
 * (light-editor.ts): comments, strings and templates, numbers, keywords,
 * called names and type-like names; the rest is plain text. It only colours:
 * it never rejects input, and the tokens joined give back the source exactly
 * (tests/playground/ts-tokens.test.ts). Monaco, on desktops, has its own.
 */

/** What a token is, for its colour; `undefined` for plain text (names, punctuation, spaces). */
export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'function' | 'type';

export interface Token {
  text: string;
  kind?: TokenKind;
}

const KEYWORDS = new Set(
  (
    'async await break case catch class const continue debugger default delete do else export extends false finally for from function ' +
    'if import in instanceof interface let new null of return static super switch this throw true try type typeof undefined var void while yield as satisfies readonly keyof declare enum implements private protected public'
  ).split(' '),
);

// One alternative per kind, tried in this order at each position.
const TOKEN = new RegExp(
  [
    String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))`,
    String.raw`(?<string>'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|` + '`' + String.raw`(?:[^` + '`' + String.raw`\\]|\\[\s\S])*` + '`?)',
    String.raw`(?<number>\b(?:0[xXbBoO][\da-fA-F_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)n?\b)`,
    String.raw`(?<word>[A-Za-z_$][\w$]*)`,
  ].join('|'),
  'gy',
);

/** The tokens of `source`, in order; their texts joined are `source`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain) tokens.push({ text: plain });
    plain = '';
  };
  let i = 0;
  while (i < source.length) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(source);
    if (!m) {
      plain += source[i++];
      continue;
    }
    const text = m[0];
    const g = m.groups!;
    let kind: TokenKind | undefined;
    if (g.comment !== undefined) kind = 'comment';
    else if (g.string !== undefined) kind = 'string';
    else if (g.number !== undefined) kind = 'number';
    else if (KEYWORDS.has(text)) kind = 'keyword';
    else if (/^\s*\(/.test(source.slice(i + text.length, i + text.length + 8))) kind = 'function';
    else if (/^[A-Z]/.test(text)) kind = 'type';
    if (kind) {
      flush();
      tokens.push({ text, kind });
    } else plain += text;
    i += text.length;
  }
  flush();
  return tokens;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `source` as HTML: each token of a kind in a `<span class="tok-KIND">`, everything escaped. */
export function highlightHtml(source: string): string {
  return tokenize(source)
    .map((t) => (t.kind ? `<span class="tok-${t.kind}">${escapeHtml(t.text)}</span>` : escapeHtml(t.text)))
    .join('');
}

/**
 * A small Python highlighter for the twin's editor: comments, strings
 * (including triple-quoted and f-strings), numbers, keywords, decorators,
 * built-in names, and the name after def/class. It only colours: the text is
 * the textarea's (python-editor.ts), so a wrong guess can never change code.
 * tests/python/highlight.test.ts.
 */

const KEYWORDS = new Set('False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case'.split(' '));
const BUILTINS = new Set('print len range list dict set tuple str int float bool type isinstance enumerate zip sorted min max sum any all open repr super object Exception ValueError RuntimeError TimeoutError KeyError TypeError'.split(' '));

/** One highlighted piece: its text and its class (undefined: plain). */
export interface Token {
  text: string;
  kind?: 'comment' | 'string' | 'number' | 'keyword' | 'builtin' | 'decorator' | 'name';
}

const TOKEN = /(#[^\n]*)|((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?))|(\b\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?j?\b)|(@[A-Za-z_][\w.]*)|([A-Za-z_]\w*)/g;

/** Split `source` into tokens whose texts join back to `source` exactly. */
export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  let afterDef = false;
  for (const m of source.matchAll(TOKEN)) {
    if (m.index > at) out.push({ text: source.slice(at, m.index) });
    const [text, comment, string, number, decorator, word] = m;
    if (comment) out.push({ text, kind: 'comment' });
    else if (string) out.push({ text, kind: 'string' });
    else if (number) out.push({ text, kind: 'number' });
    else if (decorator) out.push({ text, kind: 'decorator' });
    else if (word) {
      out.push({ text, kind: afterDef ? 'name' : KEYWORDS.has(word) ? 'keyword' : BUILTINS.has(word) ? 'builtin' : undefined });
      afterDef = word === 'def' || word === 'class';
      at = m.index + text.length;
      continue;
    }
    afterDef = false;
    at = m.index + text.length;
  }
  if (at < source.length) out.push({ text: source.slice(at) });
  return out;
}

/** The tokens as DOM nodes (spans with class `py-<kind>`). */
export function highlightInto(target: HTMLElement, source: string): void {
  const fragment = document.createDocumentFragment();
  for (const token of tokenize(source)) {
    if (!token.kind) fragment.append(token.text);
    else {
      const span = document.createElement('span');
      span.className = `py-${token.kind}`;
      span.textContent = token.text;
      fragment.append(span);
    }
  }
  // A trailing newline needs a character after it to take up its line in a <pre>.
  fragment.append(source.endsWith('\n') ? ' ' : '');
  target.replaceChildren(fragment);
}

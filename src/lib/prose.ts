/**
 * The prose of an MDX page: what a reader reads as text, without code. Used by
 * the glossary and Latin-letter checks (tests/content/glossary.test.ts,
 * tests/content/zh-latin.test.ts) and by `npm run check:content`. Front-matter
 * values (title, description) count: readers see them.
 */

/** Remove everything that is code or markup; keep text, one line per source line where possible. */
export function proseOf(mdx: string): string {
  let text = mdx.replace(/\r\n/g, '\n');
  // Front matter: keep the quoted values of title / description / sidebarLabel.
  text = text.replace(/^---\n([\s\S]*?)\n---\n/, (_m, fm: string) =>
    fm
      .split('\n')
      .filter((l) => /^(title|description|sidebarLabel):/.test(l))
      .map((l) => l.replace(/^\w+:\s*/, '').replace(/^"|"$/g, ''))
      .join('\n') + '\n',
  );
  text = text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ''); // fenced code
  text = text.replace(/<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g, ''); // comments
  text = text.replace(/^(?:import|export)\s[^\n]*$/gm, ''); // MDX imports/exports
  text = text.replace(/<\/?[A-Za-z][\w.]*(?:\s(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?\/?>/g, ''); // tags, also over several lines
  text = text.replace(/`[^`\n]+`/g, ''); // inline code
  text = text.replace(/\]\([^)\s]*\)/g, ']'); // link targets
  text = text.replace(/https?:\/\/\S+/g, ''); // bare URLs
  return text;
}

/** Characters in the CJK Unified Ideographs blocks. */
export function countCjk(text: string): number {
  return (text.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g) ?? []).length;
}

/** Latin letters (A-Z, a-z). */
export function countLatin(text: string): number {
  return (text.match(/[A-Za-z]/g) ?? []).length;
}

/**
 * A language variant of an example (<name>.zh.ts) must be the same program as
 * <name>.ts: the same tokens once every string literal and comment is set
 * aside (translated strings and comments are the only allowed difference).
 * tests/content/example-variants.test.ts and `npm run check:content` use it.
 */
import ts from 'typescript';

/** The program's tokens, with string and template texts replaced by a placeholder and comments dropped. */
export function programShape(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, source);
  const tokens: string[] = [];
  const braces: number[] = []; // open-brace depth at each `${` still open
  let depth = 0;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken && braces.length && braces[braces.length - 1] === depth) {
      kind = scanner.reScanTemplateToken(false);
    }
    switch (kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        tokens.push('"…"');
        break;
      case ts.SyntaxKind.TemplateHead:
        braces.push(depth);
        tokens.push('`…${');
        break;
      case ts.SyntaxKind.TemplateMiddle:
        tokens.push('}…${');
        break;
      case ts.SyntaxKind.TemplateTail:
        braces.pop();
        tokens.push('}…`');
        break;
      case ts.SyntaxKind.OpenBraceToken:
        depth++;
        tokens.push('{');
        break;
      case ts.SyntaxKind.CloseBraceToken:
        depth--;
        tokens.push('}');
        break;
      case ts.SyntaxKind.SlashToken:
      case ts.SyntaxKind.SlashEqualsToken: {
        // A regex literal where an expression may start; good enough for the guide's examples.
        const prev = tokens[tokens.length - 1];
        if (prev === undefined || /^[(,=:[!&|?{};]$|^return$/.test(prev)) {
          scanner.reScanSlashToken();
          tokens.push(scanner.getTokenText());
        } else tokens.push(scanner.getTokenText());
        break;
      }
      default:
        tokens.push(scanner.getTokenText());
    }
  }
  return tokens;
}

/** Where two programs first differ in shape, as 'line N of the variant: ...', or undefined when they match. */
export function shapeDifference(base: string, variant: string): string | undefined {
  const a = programShape(base);
  const b = programShape(variant);
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return undefined;
  return `token ${i + 1}: "${a.slice(i, i + 6).join(' ')}" in the original, "${b.slice(i, i + 6).join(' ')}" in the variant`;
}

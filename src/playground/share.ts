/**
 * Share links: the code, compressed with lz-string, in the URL fragment of the
 * full-page playground (`<base><lang>/playground/#code=...`). The fragment never
 * reaches a server. Opening such a link loads the code and does NOT run it
 * (tests/playground/share.test.ts, tests/browser/playground.test.ts).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** Longest code a link may carry once decompressed (a link is not a file host). */
export const MAX_SHARED_CHARS = 200_000;

/** The link for `code` on the full-page playground of `lang`. */
export function shareUrl(origin: string, base: string, lang: string, code: string): string {
  return `${origin}${base}${lang}/playground/#code=${compressToEncodedURIComponent(code)}`;
}

/** The code in a fragment (`#code=...`), or undefined when there is none or it is damaged. */
export function codeFromHash(hash: string): string | undefined {
  const match = /^#?(?:.*&)?code=([A-Za-z0-9+\-$]*)(?:&|$)/.exec(hash);
  if (!match) return undefined;
  const code = decompressFromEncodedURIComponent(match[1]!);
  if (typeof code !== 'string' || code.length === 0 || code.length > MAX_SHARED_CHARS) return undefined;
  return code;
}

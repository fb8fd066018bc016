/**
 * The one `{name}` substitution of UI strings: the site's translate function
 * (src/i18n/t.ts), the timeline's formatter (src/timeline/strings.ts) and the
 * playground's share it. A name without a value stays as written, so a missing
 * variable shows up instead of vanishing. Tests: tests/timeline/strings.test.ts.
 */

/** Values for the `{name}` placeholders of a string. */
export type PlaceholderValues = Readonly<Record<string, string | number>>;

/** `text` with each `{name}` replaced by `vars[name]` (left as is when `vars` has no such name). */
export function fillPlaceholders(text: string, vars?: PlaceholderValues): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

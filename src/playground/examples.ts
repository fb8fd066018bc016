/**
 * The guide's examples: `content/examples/<page>/<name>.ts` with the expected
 * output `<name>.out` beside it. A page in another language may have its own
 * variant, `<name>.<lang>.ts` and `<name>.<lang>.out` (the same program with
 * translated strings): both languages then embed the same example id. Read at build time (import.meta.glob), so a
 * page's playground is plain HTML before any script runs; the same files are
 * run by tests/playground/examples.test.ts to check every .out.
 */

const sources = import.meta.glob('/content/examples/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const outputs = import.meta.glob('/content/examples/**/*.out', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** One example: its id ('introduction/hello'), source and expected output. */
export interface Example {
  id: string;
  source: string;
  expected: string;
}

/**
 * The example `id` ('<page>/<name>') for a page in `lang` (its `<name>.<lang>.ts`
 * variant when there is one); throws at build time when it does not exist, so
 * a typo fails the build.
 */
export function getExample(id: string, lang?: string): Example {
  const variant = lang ? `/content/examples/${id}.${lang}` : undefined;
  const base = variant && sources[`${variant}.ts`] !== undefined ? variant : `/content/examples/${id}`;
  const source = sources[`${base}.ts`];
  if (source === undefined) throw new Error(`<Playground example="${id}">: content/examples/${id}.ts does not exist`);
  const expected = outputs[`${base}.out`] ?? '';
  return { id, source: source.replace(/\n$/, ''), expected: expected.replace(/\n$/, '') };
}

/** Every example id, sorted (the full-page playground's gallery). */
export function exampleIds(): string[] {
  return Object.keys(sources)
    .map((path) => path.slice('/content/examples/'.length, -'.ts'.length))
    .filter((id) => !/\.[a-z]{2}$/.test(id))
    .sort();
}

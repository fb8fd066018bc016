/**
 * The `data-*` hooks between the build-time markup
 * (components/playground/PlaygroundShell.astro, FullPlayground.astro) and the
 * scripts (loader.ts, controller.ts and the views): one place for their names,
 * so markup and script cannot drift apart. The tests and bench/web.mjs read the
 * same attributes (tests/playground/browser-helpers.ts).
 */

/** Elements the scripts look up inside a playground (attribute name without `data-`). */
export const HOOK = {
  /** The playground's <section>. */
  root: 'playground',
  /** On the root of the full-page playground. */
  full: 'full',
  toolbar: 'toolbar',
  run: 'run',
  stop: 'stop',
  reset: 'reset',
  share: 'share',
  clear: 'clear',
  status: 'status',
  notice: 'notice',
  /** The code view: build-time highlighted HTML, later the editor. */
  code: 'code',
  console: 'console',
  /** The expected output shown before the first run. */
  expected: 'expected',
  /** The list of type and compile errors beside the console. */
  problems: 'problems',
  timeline: 'timeline',
  /** JSON: the example's source. */
  source: 'source',
  /** JSON: the example compiled at build time (CompiledProgram), so an unmodified run needs no compiler. */
  compiled: 'compiled',
  /** Full page: the gallery of examples. */
  gallery: 'gallery',
  /** The link Share puts in the status line when the clipboard refused it. */
  shareLink: 'share-link',
} as const;

export type Hook = keyof typeof HOOK;

/** `[data-…]` selector of a hook. */
export function hookSelector(name: Hook): string {
  return `[data-${HOOK[name]}]`;
}

/** The attribute object for markup: `<div {...hookAttr('code')}>`. */
export function hookAttr(name: Hook, value = ''): Record<string, string> {
  return { [`data-${HOOK[name]}`]: value };
}

/** The element of hook `name` inside `root` (null when the markup has none). */
export function hook<E extends Element = HTMLElement>(root: ParentNode, name: Hook): E | null {
  return root.querySelector<E>(hookSelector(name));
}

/**
 * State the root section reports in its dataset (camelCase keys), for
 * assistive styling, the tests and bench/web.mjs:
 * - state: 'compiling' | 'running' | 'ok' | 'failed' | 'compile-error' | 'stopped' | 'timeout' | 'crash'
 * - editor: 'monaco' once the editor is up
 * - mounted: present once the controller listens
 * - compiled: 'build' (the build's compile was used) or 'page' (compiled in the page) for the last run
 * - compileMs, firstOutputMs, runMs: timings of the last run (bench/web.mjs)
 * - typeErrors: the editor's error count once it has checked the code
 */
export type RootState = 'state' | 'editor' | 'mounted' | 'compiled' | 'compileMs' | 'firstOutputMs' | 'runMs' | 'typeErrors';

/** Sets (or, with undefined, removes) one of the root's state attributes. */
export function setState(root: HTMLElement, key: RootState, value: string | undefined): void {
  if (value === undefined) delete root.dataset[key];
  else root.dataset[key] = value;
}

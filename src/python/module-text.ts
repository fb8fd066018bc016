/**
 * Pyodide's two ES modules (pyodide.mjs, pyodide.asm.mjs) evaluated from their
 * text, for the Python worker inside the sandbox frame (python-worker.ts).
 * Tests: tests/python/module-text.test.ts.
 */
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<Record<string, unknown>>;

/**
 * Evaluate one of Pyodide's two ES modules from its text and return its
 * exports. Inside the sandbox frame a worker may not load a script from
 * anywhere: the site's policy (script-src 'self' ...) does not match blob: or
 * the frame's opaque origin, so import() of the handed-over files fails; but
 * code may be evaluated ('unsafe-eval', which Pyodide needs anyway). Both
 * files are single modules without static imports: their `export` statement
 * becomes a return, `import.meta.url` their URL on the site
 * (tests/python/worker-browser.test.ts, tests/browser/python.test.ts).
 */
export async function moduleFromText(data: ArrayBuffer, url: string): Promise<Record<string, unknown>> {
  let text = new TextDecoder().decode(data).replace(/\/\/# sourceMappingURL=\S*\s*$/, '');
  text = text.replace(/export\s*default\s+([\w$]+)\s*;?\s*$/, 'return { default: $1 };');
  text = text.replace(/export\s*\{([^}]*)\}\s*;?\s*$/, (_, list: string) => `return { ${list.split(',').map((pair) => {
    const [local, exported = local] = pair.trim().split(/\s+as\s+/);
    return `${exported}: ${local}`;
  }).join(', ')} };`);
  text = text.replaceAll('import.meta.url', '__moduleUrl');
  return new AsyncFunction('__moduleUrl', `${text}\n//# sourceURL=${url}`)(url);
}

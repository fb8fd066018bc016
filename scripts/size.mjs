#!/usr/bin/env node
// Prints the JavaScript each built page loads before any interaction, gzipped:
// inline scripts, classic and module scripts, modulepreloads, and the static
// imports of those modules (followed transitively). Dynamic import() is not
// counted: that is code loaded on intent (search, editor, Python).
// Then the Pyodide files in dist/pyodide/ (CPython for the Run Python button):
// their bytes, and a check that no page loads or preloads any of them before
// interaction (a page that does fails the run; the browser proof is
// tests/browser/python.test.ts).
//
//   node scripts/size.mjs [dir]   (npm run size)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve, sep, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Page-load JavaScript budget in bytes (gzip). */
export const BUDGET_BYTES = 60 * 1024;

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Maps a URL path from the page to a file in dist (strips the base path). */
function fileFor(dir, base, pageFile, ref) {
  if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) throw new Error(`${pageFile} loads script from another host: ${ref}`);
  const pageUrl = '/' + relative(dir, pageFile).split(sep).join('/');
  let path = ref.startsWith('/') ? ref : posix.join(posix.dirname(pageUrl), ref);
  path = path.split(/[?#]/)[0];
  if (path.startsWith(base)) path = '/' + path.slice(base.length);
  return join(dir, ...path.split('/').filter(Boolean));
}

/** Static imports of an ES module: `import x from "./a.js"`, `import "./b.js"`, `export * from "./c.js"`. */
function staticImports(code) {
  const specs = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(re)) specs.push(match[1]);
  return specs;
}

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);

/**
 * Measures every HTML page under `dir`.
 * @param {string} dir built site
 * @param {string} [base] the base path the site was built with
 * @returns {{ page: string, bytes: number, gzip: number, files: string[] }[]}
 */
export function measurePages(dir, base = '/') {
  const root = resolve(dir);
  const results = [];
  for (const pageFile of htmlFiles(root)) {
    const html = readFileSync(pageFile, 'utf8');
    const seen = new Set();
    let bytes = 0;
    let gzip = 0;
    const addFile = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (!existsSync(file)) throw new Error(`${pageFile} references a missing script ${file}`);
      const code = readFileSync(file);
      bytes += code.length;
      gzip += gzipSize(code);
      for (const spec of staticImports(code.toString('utf8'))) {
        if (spec.startsWith('.') || spec.startsWith('/')) addFile(spec.startsWith('/') ? fileFor(root, base, pageFile, spec) : join(file, '..', spec));
      }
    };
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const [, attrs, body] = match;
      const type = attr(attrs, 'type');
      if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue; // JSON, templates
      const src = attr(attrs, 'src');
      if (src) addFile(fileFor(root, base, pageFile, src));
      else if (body.trim()) {
        bytes += Buffer.byteLength(body);
        gzip += gzipSize(Buffer.from(body));
      }
    }
    for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
      if (/\brel\s*=\s*["']?modulepreload/i.test(match[0])) addFile(fileFor(root, base, pageFile, attr(match[0], 'href')));
    }
    results.push({ page: relative(root, pageFile).split(sep).join('/'), bytes, gzip, files: [...seen].map((f) => relative(root, f)) });
  }
  return results;
}

/**
 * The Pyodide files the build holds (src/python/pyodide-files.mjs copies them), raw and gzip bytes.
 * @param {string} dir built site
 * @returns {{ file: string, bytes: number, gzip: number }[]}
 */
export function pyodideFootprint(dir) {
  const folder = join(resolve(dir), 'pyodide');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const bytes = readFileSync(join(folder, entry.name));
      return { file: `pyodide/${entry.name}`, bytes: bytes.length, gzip: gzipSize(bytes) };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * Pages that would load a Pyodide file before interaction: one among their
 * page-load scripts, or a src/href (script, link preload/prefetch, img...) in
 * their HTML pointing into pyodide/.
 * @param {string} dir built site
 * @param {ReturnType<typeof measurePages>} rows measurePages(dir)
 * @returns {{ page: string, refs: string[] }[]}
 */
export function pagesLoadingPyodide(dir, rows) {
  const root = resolve(dir);
  const found = [];
  for (const row of rows) {
    const html = readFileSync(join(root, row.page), 'utf8');
    const refs = [...html.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]*pyodide\/[^"'\s>]*)/gi)].map((m) => m[1]);
    refs.push(...row.files.filter((f) => f.split(sep).join('/').startsWith('pyodide/')));
    if (refs.length) found.push({ page: row.page, refs });
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const rows = measurePages(dir, process.env.BASE_PATH ?? '/');
  const width = Math.max(...rows.map((r) => r.page.length));
  console.log(`${'page'.padEnd(width)}  ${'raw B'.padStart(8)}  ${'gzip B'.padStart(8)}  ${'gzip KB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.page.padEnd(width)}  ${String(r.bytes).padStart(8)}  ${String(r.gzip).padStart(8)}  ${(r.gzip / 1024).toFixed(2).padStart(8)}`);
  const worst = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  console.log(`\nlargest: ${worst.page} ${(worst.gzip / 1024).toFixed(2)} KB gzip; budget ${BUDGET_BYTES / 1024} KB`);
  if (worst.gzip > BUDGET_BYTES) process.exitCode = 1;

  const pyodide = pyodideFootprint(dir);
  const total = pyodide.reduce((sum, f) => sum + f.bytes, 0);
  const totalGzip = pyodide.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`\nPython (Pyodide, loaded only when a reader clicks Run Python):`);
  for (const f of pyodide) console.log(`${f.file.padEnd(width)}  ${String(f.bytes).padStart(8)}  ${String(f.gzip).padStart(8)}  ${(f.gzip / 1024).toFixed(2).padStart(8)}`);
  console.log(`total ${(total / 1e6).toFixed(2)} MB, ${(totalGzip / 1e6).toFixed(2)} MB gzip in ${pyodide.length} files`);
  if (!pyodide.length) {
    console.log('missing: the build holds no pyodide/ folder (astro.config.mjs: pyodideFiles())');
    process.exitCode = 1;
  }
  const eager = pagesLoadingPyodide(dir, rows);
  console.log(`pages loading any of them before interaction: ${eager.length} of ${rows.length}`);
  for (const p of eager) console.log(`  ${p.page}: ${p.refs.join(', ')}`);
  if (eager.length) process.exitCode = 1;
}

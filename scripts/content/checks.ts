/**
 * What `npm run check:content` checks before a page is published, each
 * finding in plain words with what to do about it (issue 16):
 * a page in one language only, a playground or Python twin on one side only,
 * an example without its expected output or whose output changed, an example
 * that does not compile (file and line), a language variant that is not the
 * same program, a Chinese page quoting an example's English output, and a
 * term the glossary rejects (docs/glossary.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rejectedTerms } from '../../src/lib/glossary.ts';
import { proseOf } from '../../src/lib/prose.ts';
import { exampleFiles, exampleName, runExample, storedOutput, type ExampleFile } from './examples.ts';
import { shapeDifference } from './variants.ts';

export interface Finding {
  /** File (and line) it is about, relative to the repository. */
  where: string;
  /** What is wrong and what to do, in plain words. */
  message: string;
}

const LANGS = ['en', 'zh'] as const;

/** Page slugs of one language. */
export function pageSlugs(root: string, lang: string): string[] {
  const dir = join(root, 'content', lang);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)).sort() : [];
}

/** `Playground:<id>` and `PythonTwin:<id>` in page order. */
export function embeds(mdx: string): string[] {
  return [...mdx.matchAll(/<(Playground|PythonTwin)\s+(?:example|file)="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Pages that exist in one language only, and pages whose playgrounds differ between languages. */
export function checkPages(root: string, only?: string[]): Finding[] {
  const found: Finding[] = [];
  const en = pageSlugs(root, 'en');
  const zh = pageSlugs(root, 'zh');
  for (const slug of [...new Set([...en, ...zh])].filter((s) => !only || only.includes(s))) {
    const missing = LANGS.find((lang) => !(lang === 'en' ? en : zh).includes(slug));
    if (missing) {
      const other = missing === 'en' ? 'zh' : 'en';
      found.push({ where: `content/${other}/${slug}.mdx`, message: `this page has no ${missing === 'zh' ? 'Chinese' : 'English'} version: add content/${missing}/${slug}.mdx with the same sections and playgrounds (docs/authoring.md)` });
      continue;
    }
    const a = embeds(readFileSync(join(root, 'content/en', `${slug}.mdx`), 'utf8'));
    const b = embeds(readFileSync(join(root, 'content/zh', `${slug}.mdx`), 'utf8'));
    for (const e of a.filter((x) => !b.includes(x))) found.push({ where: `content/zh/${slug}.mdx`, message: `the English page shows ${e.replace(':', ' ')} and this one does not: add it at the same place` });
    for (const e of b.filter((x) => !a.includes(x))) found.push({ where: `content/en/${slug}.mdx`, message: `the Chinese page shows ${e.replace(':', ' ')} and this one does not: add it at the same place` });
    if (a.length && b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x)) && a.join() !== b.join()) {
      found.push({ where: `content/zh/${slug}.mdx`, message: 'the playgrounds come in another order than on the English page: put them in the same order' });
    }
  }
  return found;
}

/** Examples used by the pages `only` (all examples when undefined). */
function examplesFor(root: string, only?: string[]): ExampleFile[] {
  const all = exampleFiles(root);
  if (!only) return all;
  const ids = new Set(only.flatMap((slug) => LANGS.flatMap((lang) => {
    const file = join(root, 'content', lang, `${slug}.mdx`);
    return existsSync(file) ? embeds(readFileSync(file, 'utf8')).filter((e) => e.startsWith('Playground:')).map((e) => e.slice('Playground:'.length)) : [];
  })));
  return all.filter((f) => ids.has(f.id));
}

/** Examples without output, with a stale output, that do not compile, or whose variant is another program. */
export async function checkExamples(root: string, only?: string[]): Promise<Finding[]> {
  const found: Finding[] = [];
  const files = examplesFor(root, only);
  for (const file of files) {
    const rel = file.source.slice(root.length + 1);
    const name = exampleName(file);
    const stored = storedOutput(file);
    const result = await runExample(root, file);
    if (!result.ok) {
      found.push({ where: result.where, message: `the example ${result.message}` });
      continue;
    }
    if (stored === undefined) found.push({ where: rel, message: `the example has no expected output: run npm run examples:update ${name}` });
    else if (stored !== result.output) found.push({ where: rel, message: `the example now prints something else than ${name}.out: check the change, then run npm run examples:update ${name}` });
    if (file.lang) {
      const base = files.find((f) => f.id === file.id && !f.lang) ?? exampleFiles(root).find((f) => f.id === file.id && !f.lang);
      if (!base) {
        found.push({ where: rel, message: `a ${file.lang} variant needs the example itself, ${file.id}.ts` });
        continue;
      }
      const diff = shapeDifference(readFileSync(base.source, 'utf8'), readFileSync(file.source, 'utf8'));
      if (diff) found.push({ where: rel, message: `the variant must be the same program as ${file.id}.ts with only strings and comments translated; they differ at ${diff}` });
      else {
        const b = await runExample(root, base);
        if (b.ok && b.times.join() !== result.times.join()) found.push({ where: rel, message: `the variant prints ${result.times.length} lines and ${file.id}.ts ${b.times.length}, or at other virtual times: make them the same program` });
      }
    }
  }
  return found;
}

/** English output of the examples a Chinese page shows, quoted in its prose; glossary terms misused on any page. */
export function checkWords(root: string, only?: string[]): Finding[] {
  const found: Finding[] = [];
  const files = exampleFiles(root);
  for (const lang of LANGS) {
    for (const slug of pageSlugs(root, lang).filter((s) => !only || only.includes(s))) {
      const rel = `content/${lang}/${slug}.mdx`;
      const text = readFileSync(join(root, rel), 'utf8');
      for (const hit of new Set(rejectedTerms(proseOf(text), lang))) {
        const term = hit.match(/^'(.*)'/)![1]!;
        const index = text.indexOf(term);
        found.push({ where: `${rel}:${index >= 0 ? lineOf(text, index) : 1}`, message: `the glossary (docs/glossary.md) rejects ${hit}` });
      }
      if (lang !== 'zh') continue;
      const shown = embeds(text).filter((e) => e.startsWith('Playground:')).map((e) => e.slice('Playground:'.length));
      const english = shown.flatMap((id) => {
        const zh = files.find((f) => f.id === id && f.lang === 'zh');
        const en = files.find((f) => f.id === id && !f.lang);
        const enOut = en ? storedOutput(en) ?? '' : '';
        const zhOut = zh ? storedOutput(zh) ?? '' : '';
        return enOut.split('\n').filter((l) => /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(l)).map((line) => ({ id, line, zhOut, hasVariant: !!zh }));
      });
      // A Python twin prints the same English strings on both pages (its Chinese variant translates
      // only comments: tests/content/python-zh-variants.test.ts), so quoting its output is right.
      const twinOutput = embeds(text)
        .filter((e) => e.startsWith('PythonTwin:'))
        .map((e) => join(root, 'content/examples', `${e.slice('PythonTwin:'.length)}.py.out`))
        .map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''))
        .join('\n');
      const withoutFences = text.replace(/^```[\s\S]*?^```/gm, (m) => m.replace(/[^\n]/g, ' '));
      for (const q of withoutFences.matchAll(/`([^`\n]+)`|“([^”\n]+)”|"([^"\n]+)"/g)) {
        const quoted = (q[1] ?? q[2] ?? q[3])!.trim();
        if (!/[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(quoted)) continue;
        const source = english.find((e) => e.line.includes(quoted) && !e.zhOut.includes(quoted));
        if (!source || twinOutput.includes(quoted)) continue;
        found.push({
          where: `${rel}:${lineOf(text, q.index!)}`,
          message: source.hasVariant
            ? `quotes "${quoted}", English output of ${source.id}: quote the Chinese variant's output (${source.id}.zh.out) instead`
            : `quotes "${quoted}", English output of ${source.id}: add content/examples/${source.id}.zh.ts (the same program with Chinese strings), run npm run examples:update ${source.id}.zh, and quote its output`,
        });
      }
    }
  }
  return found;
}

/** Every check, for the pages `only` (slugs) or the whole guide. */
export async function checkContent(root: string, only?: string[]): Promise<Finding[]> {
  return [...checkPages(root, only), ...(await checkExamples(root, only)), ...checkWords(root, only)];
}

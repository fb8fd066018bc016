// Reads content/<lang>/*.mdx without Astro, for the unit tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CONTENT_DIR = join(ROOT, 'content');

/** The reading order the guide is written in (docs/content-plan.md). */
export const EXPECTED_SLUGS = [
  'introduction',
  'sync-and-async',
  'ways-to-be-async',
  'event-loop',
  'generators-and-coroutines',
  'asyncio',
  'asyncio-by-example',
  'trio',
  'asyncio-vs-trio',
  'playground',
  'reference',
] as const;

export interface ContentFile {
  lang: string;
  slug: string;
  path: string;
  frontMatter: Record<string, unknown>;
  body: string;
}

/**
 * Splits front matter from body. Our front matter is deliberately flat:
 * `key: value` lines whose values are JSON (quoted strings, numbers, booleans),
 * which keeps it parseable here without a YAML library.
 */
export function parseFrontMatter(source: string, path = '<source>'): { frontMatter: Record<string, unknown>; body: string } {
  const match = source.match(/^---\n([\s\S]*?)\n---\n/);
  if (!match) throw new Error(`${path}: no front matter block`);
  const frontMatter: Record<string, unknown> = {};
  for (const line of match[1]!.split('\n')) {
    if (line.trim() === '') continue;
    const kv = line.match(/^([A-Za-z][\w-]*):\s*(.*)$/);
    if (!kv) throw new Error(`${path}: front matter line is not "key: value": ${line}`);
    try {
      frontMatter[kv[1]!] = JSON.parse(kv[2]!);
    } catch {
      throw new Error(`${path}: value of ${kv[1]} must be JSON (quote strings): ${kv[2]}`);
    }
  }
  return { frontMatter, body: source.slice(match[0].length) };
}

/** Markdown headings (## and deeper) outside fenced code blocks. */
export function headings(body: string): { depth: number; text: string }[] {
  const found: { depth: number; text: string }[] = [];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const f = line.match(/^(```+|~~~+)/);
    if (f) {
      if (fence === null) fence = f[1]!;
      else if (line.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = line.match(/^(#{1,6})\s+(.+?)\s*#*\s*$/);
    if (h) found.push({ depth: h[1]!.length, text: h[2]! });
  }
  return found;
}

export function languages(): string[] {
  return readdirSync(CONTENT_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function contentFiles(lang: string): ContentFile[] {
  const dir = join(CONTENT_DIR, lang);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .map((name) => {
      const path = join(dir, name);
      const { frontMatter, body } = parseFrontMatter(readFileSync(path, 'utf8'), path);
      return { lang, slug: name.replace(/\.mdx?$/, ''), path, frontMatter, body };
    });
}

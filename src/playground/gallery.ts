/**
 * Build time: the full-page playground's gallery, made from the guide itself
 * so it cannot drift from it. For every page of a language (in reading order)
 * each `<Playground example="..." />` becomes an entry whose title is the
 * heading it sits under and whose description is the first sentence of the
 * paragraph that introduces it, in that page's language.
 * tests/browser/full-page.test.ts checks what a reader sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One example in the gallery. */
export interface GalleryEntry {
  id: string;
  title: string;
  description: string;
}

/** One chapter of the guide and its examples, in the order they appear. */
export interface GalleryChapter {
  slug: string;
  title: string;
  entries: GalleryEntry[];
}

/** Markdown inline syntax to plain text. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1$2')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence of `text` (English or Chinese), shortened to one line if it is long. */
function firstSentence(text: string): string {
  const match = /^(.+?(?:[.!?](?=\s|$)|[。！？]))/u.exec(text);
  const sentence = (match ? match[1]! : text).replace(/[:：]$/, '');
  return sentence.length > 160 ? `${sentence.slice(0, 157).replace(/\s+\S*$/, '')}…` : sentence;
}

/** Entries of one page's MDX source. */
export function entriesOf(mdx: string): GalleryEntry[] {
  const lines = mdx.replace(/^---[\s\S]*?\n---\n/, '').split('\n');
  const entries: GalleryEntry[] = [];
  let heading = '';
  let paragraph = '';
  let current: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    const h = /^#{2,4}\s+(.*)$/.exec(line);
    if (h) {
      heading = plain(h[1]!);
      paragraph = '';
      current = [];
      continue;
    }
    const use = /<Playground\s+example="([^"]+)"/.exec(line);
    if (use) {
      const id = use[1]!;
      if (current.length) paragraph = current.join(' ');
      entries.push({ id, title: heading || id, description: firstSentence(plain(paragraph)) });
      current = [];
      continue;
    }
    if (line.trim() === '') {
      if (current.length) paragraph = current.join(' ');
      current = [];
    } else if (!/^\s*(<|import |export |\||>|[-*] |\d+\. )/.test(line)) current.push(line.trim());
  }
  // Two examples under one heading: their file names tell them apart.
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.title, (count.get(e.title) ?? 0) + 1);
  return entries.map((e) => (count.get(e.title)! > 1 ? { ...e, title: `${e.title} · ${e.id.split('/').pop()}` } : e));
}

/** The gallery of `lang`: every page with a playground, in reading order. */
export function gallery(lang: string, root = process.cwd()): GalleryChapter[] {
  const dir = join(root, 'content', lang);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const title = /^title:\s*"?(.*?)"?\s*$/m.exec(front)?.[1] ?? f;
      const order = Number(/^order:\s*(\d+)/m.exec(front)?.[1] ?? 999);
      return { slug: f.replace(/\.mdx$/, ''), title, order, entries: entriesOf(text) };
    })
    .filter((p) => p.entries.length > 0)
    .sort((a, b) => a.order - b.order);
  return pages.map(({ slug, title, entries }) => ({ slug, title, entries }));
}

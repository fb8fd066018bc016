/** The <PythonTwin> tags of the pages, for the twin tests (not a test file, so importing it runs no tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface Usage { page: string; line: number; file: string; flavor?: string; relation?: string }

/** Every <PythonTwin .../> of content/<lang>/*.mdx with its attributes. */
export function twinUsages(lang: string): Usage[] {
  const dir = join(ROOT, 'content', lang);
  const out: Usage[] = [];
  for (const page of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    const text = readFileSync(join(dir, page), 'utf8');
    for (const m of text.matchAll(/<PythonTwin\b([^>]*)\/?>/g)) {
      const attr = (name: string): string | undefined => m[1]!.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
      out.push({ page: `${lang}/${page}`, line: text.slice(0, m.index).split('\n').length, file: attr('file')!, flavor: attr('flavor'), relation: attr('relation') });
    }
  }
  return out;
}


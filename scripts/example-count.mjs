#!/usr/bin/env node
// Prints how many playgrounds and Python twins each page embeds, per language,
// and how many example files exist per page folder (npm run examples:count).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'content');
const count = (text, tag) => (text.match(new RegExp(`<${tag}\\s`, 'g')) ?? []).length;
const rows = [];
for (const file of readdirSync(join(root, 'en')).filter((f) => f.endsWith('.mdx')).sort()) {
  const slug = file.replace(/\.mdx$/, '');
  const en = readFileSync(join(root, 'en', file), 'utf8');
  const zh = existsSync(join(root, 'zh', file)) ? readFileSync(join(root, 'zh', file), 'utf8') : '';
  const order = Number(/^order:\s*(\d+)/m.exec(en)?.[1] ?? 0);
  const dir = join(root, 'examples', slug);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).length : 0;
  rows.push({ order, slug, en: count(en, 'Playground'), zh: count(zh, 'Playground'), python: count(en, 'PythonTwin'), files });
}
rows.sort((a, b) => a.order - b.order);
console.log('page                          playgrounds(en) playgrounds(zh) python-twins example-files');
for (const r of rows) {
  console.log(`${String(r.order).padStart(2)} ${r.slug.padEnd(27)} ${String(r.en).padStart(15)} ${String(r.zh).padStart(15)} ${String(r.python).padStart(12)} ${String(r.files).padStart(13)}`);
}
const total = rows.reduce((n, r) => n + r.en, 0);
console.log(`total playgrounds (en): ${total}`);

/**
 * Whoever clones the repository finds every document it points to inside it
 * (issue 17): no file names a path of the machine it was written on or a
 * design note kept elsewhere, and every relative link in a Markdown file lands
 * on a file of the repository. The design notes live in docs/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './content-files.ts';

/** Text files under version control (and new ones not yet committed), minus ignored ones. */
function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\n')
    .filter((f) => /\.(md|mdx|ts|mjs|js|astro|py|json|sh|ya?ml)$|^\.ci\//.test(f))
    .filter((f) => !f.startsWith('node_modules/') && f !== 'package-lock.json' && existsSync(join(ROOT, f)));
}

// Spelled in pieces so that this file does not match itself.
const OUTSIDE = new RegExp(
  [
    ['/wo', 'rk/'].join(''), // absolute paths of the build machine
    ['shared', '/(?:brief|reviews)'].join(''), // the briefs and reviews kept beside the repository
    ['\\.\\./se', 'ed/'].join(''), // the original article's folder
    ['\\bbrief/[A-Z-]+', '\\.md'].join(''),
  ].join('|'),
);

/** `file:line: text` of every line naming a document outside the repository. */
export function outsideReferences(files: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (OUTSIDE.test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
  }
  return hits;
}

/** Relative Markdown links whose target is outside the repository or missing. */
export function brokenMarkdownLinks(files: string[]): string[] {
  const hits: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!.split('#')[0]!;
      if (!target || /^[a-z]+:/i.test(target) || target.startsWith('/')) continue;
      const abs = resolve(ROOT, dirname(file), target);
      const rel = relative(ROOT, abs);
      if (rel.startsWith('..') || !existsSync(abs)) hits.push(`${file}: ${m[1]}`);
    }
  }
  return hits;
}

describe('no document refers to a file outside the repository', () => {
  const files = repoFiles();

  it('scans the repository (the docs are among the files)', () => {
    expect(files).toContain('docs/runtime-contract.md');
    expect(files.length).toBeGreaterThan(100);
  });

  it('no path of the build machine, brief or review kept elsewhere', () => {
    expect(outsideReferences(files)).toEqual([]);
  });

  it('every relative Markdown link lands in the repository', () => {
    expect(brokenMarkdownLinks(files)).toEqual([]);
  });

  it('the check itself catches such a reference', () => {
    const probe = ['See /wo', 'rk/sha', 'red/bri', 'ef/RUNTIME.md'].join('');
    expect(OUTSIDE.test(probe)).toBe(true);
  });
});

// The README documents the CSP the server sends and every devDependency;
// these keep the words and the project from drifting apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { ROOT } from './content-files.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

test('README starts with the two commands', () => {
  const firstBlock = readme.match(/```sh\n([\s\S]*?)```/)![1]!;
  expect(firstBlock).toMatch(/^npm install && npm start/m);
  expect(firstBlock).toMatch(/^npm test/m);
});

test('README documents the exact Content-Security-Policy that scripts/serve.mjs sends', () => {
  expect(readme).toContain(CONTENT_SECURITY_POLICY);
});

test('README explains every devDependency', () => {
  const section = readme.split('## Why each dependency')[1]!.split('\n## ')[0]!;
  for (const name of Object.keys(pkg.devDependencies)) expect(section, name).toContain(`\`${name}\``);
});

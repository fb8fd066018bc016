/**
 * The claimed versions are stated once (src/lib/versions.ts, shown on the
 * Reference page) and docs/versions.md says the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CLAIMED_VERSIONS } from '../../src/lib/versions.ts';

const ROOT = join(import.meta.dirname, '../..');

it('docs/versions.md claims the versions of src/lib/versions.ts', () => {
  const doc = readFileSync(join(ROOT, 'docs/versions.md'), 'utf8');
  expect(doc).toContain(`**CPython ${CLAIMED_VERSIONS.cpython}**`);
  expect(doc).toContain(`**trio ${CLAIMED_VERSIONS.trio}**`);
  expect(doc).toContain(`**Node ${CLAIMED_VERSIONS.node.join(' and Node ')}**`);
});

it('the Reference page shows them in both languages', () => {
  for (const lang of ['en', 'zh']) expect(readFileSync(join(ROOT, `content/${lang}/reference.mdx`), 'utf8')).toContain('<Versions />');
});

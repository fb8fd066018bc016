/**
 * `npm run check:content [PAGE...]`: check the guide (or only the pages
 * named by slug, with the examples they show) before publishing, and say in
 * plain words what is missing or inconsistent and what to do
 * (scripts/content/checks.ts). Exits 1 when anything is found.
 */
import { resolve } from 'node:path';
import { checkContent } from './content/checks.ts';

const root = resolve(process.env.CONTENT_ROOT ?? resolve(import.meta.dirname, '..'));
const only = process.argv.slice(2);
const findings = await checkContent(root, only.length ? only : undefined);
for (const f of findings) console.log(`${f.where}: ${f.message}`);
console.log(findings.length ? `check:content: ${findings.length} thing(s) to fix` : `check:content: ${only.length ? only.join(', ') : 'every page'} in order`);
process.exitCode = findings.length ? 1 : 0;

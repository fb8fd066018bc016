/**
 * `npm run check:content` on a small guide in a temporary folder (issue 16,
 * "Must show"): a complete page passes; deleting its Chinese twin, editing the
 * example so its output changes, breaking it, or quoting its English output
 * on the Chinese page each fail with a message that says what to do.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/content/checks.ts';

let root: string;
const write = (rel: string, text: string): void => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const page = (title: string, body: string): string => `---\ntitle: "${title}"\ndescription: "${title}"\norder: 1\n---\nimport Playground from '@components/Playground.astro';\n\n${body}\n\n<Playground example="retry/backoff" />\n`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'check-content-'));
  write('content/en/retry.mdx', page('Retries', 'Our retry policy waits longer each time.'));
  write('content/zh/retry.mdx', page('重试', '我们的重试策略每次多等一会儿。'));
  write('content/examples/retry/backoff.ts', 'import { sleep, now } from "miniloop";\nfor (const ms of [100, 200]) {\n  await sleep(ms);\n  console.log(`${now()} ms: retry`);\n}\n');
  write('content/examples/retry/backoff.out', '100 ms: retry\n300 ms: retry\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('check:content', () => {
  it('a complete page in both languages passes', async () => {
    expect(await checkContent(root)).toEqual([]);
  });

  it('a page without its Chinese twin fails, saying which file to add', async () => {
    unlinkSync(join(root, 'content/zh/retry.mdx'));
    expect((await checkContent(root)).map((f) => f.message)).toEqual([expect.stringContaining('add content/zh/retry.mdx')]);
  });

  it('an example whose output changed fails, naming the command', async () => {
    write('content/examples/retry/backoff.ts', 'import { sleep, now } from "miniloop";\nfor (const ms of [100, 400]) {\n  await sleep(ms);\n  console.log(`${now()} ms: retry`);\n}\n');
    const found = await checkContent(root);
    expect(found).toEqual([{ where: 'content/examples/retry/backoff.ts', message: expect.stringContaining('npm run examples:update retry/backoff') }]);
  });

  it('an example without output, and one that does not compile (with file and line)', async () => {
    unlinkSync(join(root, 'content/examples/retry/backoff.out'));
    expect((await checkContent(root))[0]!.message).toContain('has no expected output: run npm run examples:update retry/backoff');
    write('content/examples/retry/backoff.ts', 'import { sleep } from "miniloop";\nawait sleep(1;\n');
    expect((await checkContent(root))[0]!.where).toBe('content/examples/retry/backoff.ts:2:14');
  });

  it('a Chinese page quoting English output, or a rejected term, fails', async () => {
    write('content/zh/retry.mdx', page('重试', '每次都打印 `ms: retry`，间隔 100 毫秒。'));
    const messages = (await checkContent(root)).map((f) => `${f.where} ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^content\/zh\/retry\.mdx:\d+ the glossary .* '毫秒'/),
      expect.stringMatching(/^content\/zh\/retry\.mdx:\d+ quotes "ms: retry".*retry\/backoff\.zh\.ts/),
    ]);
  });

  it("a Chinese page may quote its Python twin's output, which is English on both pages", async () => {
    write('content/en/retry.mdx', page('Retries', 'The Python version prints the same.') + '\n<PythonTwin file="retry/backoff" />\n');
    write('content/zh/retry.mdx', page('重试', 'Python 版本打印 `300 ms: retry`。') + '\n<PythonTwin file="retry/backoff" />\n');
    write('content/examples/retry/backoff.py.out', '100 ms: retry\n300 ms: retry\n');
    expect(await checkContent(root)).toEqual([]);
    write('content/examples/retry/backoff.py.out', '0.1 s: retry\n');
    expect((await checkContent(root)).map((f) => f.message)).toEqual([expect.stringMatching(/^quotes "300 ms: retry"/)]);
  });

  it('a Chinese variant must be the same program', async () => {
    write('content/examples/retry/backoff.zh.ts', 'import { sleep, now } from "miniloop";\nfor (const ms of [100, 200, 300]) {\n  await sleep(ms);\n  console.log(`${now()} ms：重试`);\n}\n');
    write('content/examples/retry/backoff.zh.out', '100 ms：重试\n300 ms：重试\n600 ms：重试\n');
    expect((await checkContent(root)).map((f) => f.message)).toEqual([expect.stringContaining('must be the same program')]);
  });
});

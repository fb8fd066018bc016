/**
 * docs/authoring.md, followed in a temporary copy of the repository (issue
 * 16, "Must show"): its page and example templates become a new page in both
 * languages with a playground and a Chinese variant; `npm run
 * examples:update` writes both outputs; `npm run check:content` passes for the
 * page and fails, saying what to do, once the Chinese page is gone; and
 * `astro build` builds the page in both languages with the generated output
 * in it. To keep the build short, the copy keeps only the new page and the
 * introduction (the whole guide is built by the browser suite).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const guide = readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8');
const blocks = (lang: string): string[] => [...guide.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

let copy: string;
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', timeout: 600_000 });

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'authoring-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue;
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    cpSync(join(ROOT, f), join(copy, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('following docs/authoring.md in a copy of the repository', () => {
  it('the guide has the templates it promises', () => {
    expect(blocks('mdx').length).toBeGreaterThanOrEqual(2);
    expect(blocks('ts').length).toBe(2);
  });

  it('a new page with a playground in both languages: outputs generated, checked, built', () => {
    const [pageEn] = blocks('mdx');
    const [example, exampleZh] = blocks('ts');
    const pageZh = pageEn!
      .replace('title: "Retries"', 'title: "重试"')
      .replace(/description: ".*"/, 'description: "我们的客户端如何重试失败的调用，在时间线上看得清清楚楚。"')
      .replace(/^One paragraph.*$/m, '本页介绍我们的客户端在调用失败时如何重试：每次等待的时间翻倍，第三次调用成功为止。时间线上可以看到每次重试之间的等待，以及它们一共用了多少虚拟时间。')
      .replace('## Backing off', '## 退避')
      .replace('## Giving up', '## 放弃')
      .replace('## What to remember', '## 小结')
      .replace(/^Text\.\.\.$/gm, '这里写正文。');
    writeFileSync(join(copy, 'content/en/retries.mdx'), pageEn!);
    writeFileSync(join(copy, 'content/zh/retries.mdx'), pageZh);
    mkdirSync(join(copy, 'content/examples/retries'));
    writeFileSync(join(copy, 'content/examples/retries/backoff.ts'), example!);
    writeFileSync(join(copy, 'content/examples/retries/backoff.zh.ts'), exampleZh!);

    const update = node(['scripts/examples-update.ts', 'retries/backoff']);
    expect(update.status, update.stdout + update.stderr).toBe(0);
    expect(update.stdout).toContain('new      retries/backoff.zh');
    const out = readFileSync(join(copy, 'content/examples/retries/backoff.out'), 'utf8');
    expect(out).toBe('50 ms: attempt 1 failed, retrying in 100 ms\n200 ms: attempt 2 failed, retrying in 200 ms\n450 ms: attempt 3 succeeded\n');
    expect(readFileSync(join(copy, 'content/examples/retries/backoff.zh.out'), 'utf8')).toContain('第 3 次成功');

    const check = node(['scripts/check-content.ts', 'retries']);
    expect(check.status, check.stdout + check.stderr).toBe(0);

    // Build only this page and the introduction, in both languages.
    for (const lang of ['en', 'zh']) {
      for (const f of readdirSync(join(copy, 'content', lang))) if (!['retries.mdx', 'introduction.mdx'].includes(f)) unlinkSync(join(copy, 'content', lang, f));
    }
    const build = spawnSync(process.execPath, [join(copy, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: copy, encoding: 'utf8', timeout: 600_000, env: { ...process.env, OUT_DIR: 'dist-test' } });
    expect(build.status, (build.stdout + build.stderr).slice(-3000)).toBe(0);
    const en = readFileSync(join(copy, 'dist-test/en/retries/index.html'), 'utf8');
    const zh = readFileSync(join(copy, 'dist-test/zh/retries/index.html'), 'utf8');
    expect(en).toContain('attempt 3 succeeded');
    expect(zh).toContain('第 3 次成功');
  }, 900_000);

  it('without the Chinese page, check:content fails and says which file to add', () => {
    unlinkSync(join(copy, 'content/zh/retries.mdx'));
    const check = node(['scripts/check-content.ts', 'retries']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('add content/zh/retries.mdx');
  });
});

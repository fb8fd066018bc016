// Builds the site twice (base '/' into dist/, base '/guides/async/' into
// dist-base/), always fresh, and serves both for the whole browser project.
import type { TestProject } from 'vitest/node';
import { buildSite, serveDir, SITE_CONFIGS, type SiteUnderTest } from './harness.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sites: SiteUnderTest[] = [];
  const closers: (() => Promise<void>)[] = [];
  for (const config of SITE_CONFIGS) {
    const started = Date.now();
    const dir = await buildSite({ base: config.base, outDir: config.outDir });
    const server = await serveDir(dir, config.base);
    closers.push(server.close);
    sites.push({ name: config.name, dir, base: config.base, url: server.url });
    console.log(`[browser setup] built ${config.outDir} (base ${config.base}) in ${((Date.now() - started) / 1000).toFixed(1)} s, serving ${server.url}`);
  }
  project.provide('sites', sites);
  return async () => {
    await Promise.all(closers.map((close) => close()));
  };
}

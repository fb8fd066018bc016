// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { playgroundPlugin } from './src/playground/vite-plugin.mjs';
import { siteSettings } from './src/lib/site-settings.ts';
import { pyodideFiles } from './src/python/pyodide-files.mjs';

// Everything a host may change is an environment variable, so one build command
// serves every deployment:
//   BASE_PATH  where the site lives on its host (default: basePath in src/lib/site-settings.ts), e.g. /guides/async/
//   SITE_URL   origin used only for the sitemap and canonical/hreflang URLs
//   OUT_DIR    build output folder (default dist/); tests build a based copy elsewhere
const base = normalizeBase(process.env.BASE_PATH ?? siteSettings.basePath);
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
const outDir = process.env.OUT_DIR ?? 'dist';

/** Always '/x/y/' form, so `${base}en/` is a valid path. */
function normalizeBase(value) {
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-CN' } },
      // The root chooser and the 404 page are not content.
      filter: (page) => !page.endsWith('/404/') && new URL(page).pathname !== base,
    }),
    // CPython (Pyodide) under pyodide/, fetched only by the Python worker when a reader runs a twin (src/python/README.md).
    pyodideFiles(),
  ],
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables (--shiki-light / --shiki-dark);
      // src/styles/code.css picks one, so highlighting needs no client JS.
      // The Primer "-default" GitHub themes meet WCAG AA contrast; plain
      // github-light does not (#E36209 on white is 3.6:1).
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
    },
  },
  vite: {
    // Playground: runner bundle, "miniloop" declarations, Monaco's CSS (src/playground/vite-plugin.mjs).
    plugins: [playgroundPlugin()],
    resolve: {
      // MDX pages and layouts import chrome and MDX components as '@components/X.astro'.
      alias: { '@components': fileURLToPath(new URL('./components', import.meta.url)) },
    },
    build: {
      // No data: URLs and no inlined scripts: every asset is a same-origin file,
      // which keeps the Content-Security-Policy in the README simple.
      assetsInlineLimit: 0,
    },
  },
});

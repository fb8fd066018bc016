import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (runtime, compiler, content) and the browser
// suite, which builds the site and drives Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // The page answers on its own schedule (a frame, a debounce, a worker); on a busy
          // 2-core CI machine that can take longer than the 1 s default. Waiting longer
          // before failing changes no assertion.
          expect: { poll: { timeout: 5_000 } },
          fileParallelism: false,
          // Builds dist/ and dist-base/ once and serves them to every file.
          globalSetup: ['tests/browser/global-setup.ts'],
        },
      },
    ],
  },
});

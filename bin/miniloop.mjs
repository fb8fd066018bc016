#!/usr/bin/env node
// The `miniloop` command. The CLI is TypeScript (src/cli/main.ts), run with
// Node's built-in type stripping, which is on by default from Node 22.18 (and
// 23.6). On an older Node, say how to get the project's own Node 22 (the
// `node` devDependency): `npx miniloop` and `npm exec` put it first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
const stripsTypes = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
if (!stripsTypes) {
  process.stderr.write(
    `miniloop: this Node (${process.version}) cannot run TypeScript directly; it needs Node 22.18 or newer.\n` +
      `Run it with the project's Node 22 instead: \`npx miniloop run FILE.ts\` (or \`npm exec miniloop -- run FILE.ts\`)\n` +
      `from the project directory, after \`npm ci\`.\n`,
  );
  process.exit(2);
}
// V8's code cache for the CLI's modules (a no-op where Node lacks it); see load-cli.mjs for the rest.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
// Start esbuild's service process now, so it comes up while the CLI's modules load.
if (process.argv[2] === 'run') import('esbuild').then((esbuild) => esbuild.transform('', { loader: 'ts' })).catch(() => {});
// A reader that stops reading (`miniloop run x.ts | head`) ends the command quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { loadCli } = await import('./load-cli.mjs');
const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The `miniloop` command. The CLI is TypeScript (src/cli/main.ts); it runs
// from a plain-JS bundle of it kept fresh by load-cli.mjs, or, without one,
// with Node's built-in type stripping, which is on by default from Node 22.18
// (and 23.6). On an older Node, say how to get the project's own Node 22 (the
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
// V8's code cache for the CLI's modules (a no-op where Node lacks it; Node keeps it in its own
// directory, NODE_COMPILE_CACHE or the system's temporary one); see load-cli.mjs for the rest.
process.getBuiltinModule('node:module').enableCompileCache?.();
// A reader that stops reading (`miniloop run x.ts | head`) ends the command quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { loadCli, cacheDir } = await import('./load-cli.mjs');
const cli = await loadCli();
// The bundle names its compiler; compiled programs are then kept in the cache (src/cli/program-cache.ts).
const options = cli.compilerId ? { programCache: { dir: cacheDir, compilerId: cli.compilerId } } : {};
process.exitCode = await cli.main(process.argv.slice(2), undefined, undefined, options);

/** Runs one of the mocha-based Promise suites (a *-runner.mjs beside this file) in a child Node and reads its counts. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SuiteResult {
  passes: number;
  failures: number;
  failedTitles: string[];
}

export function runPromiseSuite(runnerFile: string): Promise<SuiteResult> {
  const runner = fileURLToPath(new URL(runnerFile, import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [runner], { maxBuffer: 16 * 1024 * 1024 }, (err, out, errOut) => {
      if (err) return reject(new Error(`${err.message}\n${errOut}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as SuiteResult);
    });
  });
}

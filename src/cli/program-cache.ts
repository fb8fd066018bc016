/**
 * Compiled programs, kept between runs of the CLI, so running a file again
 * needs no esbuild at all (starting its service and the first compile are
 * most of a small program's start-up).
 *
 * One JSON file per program path under `<cache dir>/programs/` (the cache
 * directory is bin/load-cli.mjs's: MINILOOP_CACHE_DIR, else
 * node_modules/.cache/miniloop). An entry is used only when its compiler id
 * (a hash of the bundled CLI, which holds the compiler, with the esbuild and
 * Node versions), its file name and its whole source are equal to this run's;
 * otherwise the program is compiled again and the entry replaced. So a changed
 * source, a changed compiler or another esbuild never reuses an old result.
 * Only programs that compiled are kept, and at most `maxEntries` of them: past
 * that, the older half (by when they were written) is removed, so temporary
 * files run once (tests do that) do not pile up. Held by
 * tests/cli/program-cache.test.ts.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledProgram, CompileResult } from '../compiler/compile.ts';

/** Where compiled programs are kept and what compiles them now. */
export interface ProgramCache {
  /** The CLI's cache directory; entries go in its `programs/` folder. */
  dir: string;
  /** Names the compiler: entries made by another one are not used. */
  compilerId: string;
  /** How many entries may be kept (default {@link MAX_ENTRIES}). */
  maxEntries?: number;
}

/** Entries kept by default: ~3 KB each for a small program. */
export const MAX_ENTRIES = 1000;

interface Entry {
  compilerId: string;
  program: CompiledProgram;
}

/** 32-bit FNV-1a of a string's UTF-16 units: only names an entry's file (the entry itself is compared in full). */
function slotName(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The entry file for the program at `filename` (as given), run from this directory. */
export function entryFile(cache: ProgramCache, filename: string): string {
  return join(cache.dir, 'programs', `${slotName(`${resolve(filename)}\0${filename}`)}.json`);
}

/**
 * The compiled program for `source` at `filename`: the cached one when it was
 * made by this compiler from this exact source and name, else `compile()`'s
 * result (kept when it compiled). Without a cache, just `compile()`.
 */
export async function compileCached(
  source: string,
  filename: string,
  cache: ProgramCache | undefined,
  compile: () => Promise<CompileResult>,
): Promise<CompileResult> {
  if (!cache) return compile();
  const file = entryFile(cache, filename);
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (entry.compilerId === cache.compilerId && entry.program.filename === filename && entry.program.source === source) return entry.program;
  } catch {
    // No entry, or an unreadable one: compile.
  }
  const result = await compile();
  if (result.ok) {
    try {
      mkdirSync(join(cache.dir, 'programs'), { recursive: true });
      prune(join(cache.dir, 'programs'), (cache.maxEntries ?? MAX_ENTRIES) - 1);
      // Under a temporary name, then renamed: a CLI started at the same moment never reads half an entry.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ compilerId: cache.compilerId, program: result } satisfies Entry));
      renameSync(temporary, file);
    } catch {
      // A read-only tree: run without keeping it.
    }
  }
  return result;
}

/** Keep at most `keep` entries in `dir`: when there are more, remove the older half (by modification time). */
function prune(dir: string, keep: number): void {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (names.length <= keep) return;
  const age = (name: string): number => {
    try {
      return statSync(join(dir, name)).mtimeMs;
    } catch {
      return 0; // removed meanwhile
    }
  };
  const byAge = names.map((name) => ({ name, at: age(name) })).sort((a, b) => a.at - b.at);
  for (const { name } of byAge.slice(0, names.length - Math.floor(keep / 2))) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Removed by another CLI at the same moment.
    }
  }
}

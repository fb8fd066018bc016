/**
 * The Reference page (issues 15.1, 19.17): every export of `miniloop` has a
 * one-line description in both languages and a hand-written Python
 * counterpart (src/lib/api-reference-notes.ts); the runtime's bookkeeping
 * members are not listed; and /zh/reference/ as rendered - the page's prose
 * plus what components/ApiReference.astro shows on /zh/ (names and signatures
 * are code) - stays under the Latin-letter threshold of the other zh pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApiReference, sectionOf } from '../../src/lib/api-reference.ts';
import { API_NOTES, HIDDEN_MEMBERS } from '../../src/lib/api-reference-notes.ts';
import { latinBeyondNames, MAX_LATIN_PER_CJK } from '../../src/lib/latin-names.ts';
import { countCjk, countLatin, proseOf } from '../../src/lib/prose.ts';

const entries = readApiReference();

describe('Reference notes', () => {
  it('every export has a note, and every note an export', () => {
    const names = entries.map((e) => e.name);
    expect(names.filter((n) => !API_NOTES[n])).toEqual([]);
    expect(Object.keys(API_NOTES).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('each note has an English line and a Chinese line written in Chinese', () => {
    const bad = Object.entries(API_NOTES).filter(([, note]) => !note.en.trim() || countCjk(note.zh) < 3).map(([n]) => n);
    expect(bad).toEqual([]);
  });

  it('Python counterparts are the real names', () => {
    expect(API_NOTES.KvClient!.python).toBe('redis.asyncio.Redis');
    expect(API_NOTES.network!.python).toBe('asyncio.start_server() / asyncio.open_connection()');
    expect(API_NOTES.checkpoint!.python).toBe('asyncio.sleep(0) / trio.lowlevel.checkpoint()');
    const wrong = Object.entries(API_NOTES).filter(([, note]) => note.python && /(?<![\w.])asyncio\.Redis\b/.test(note.python));
    expect(wrong).toEqual([]);
  });

  it("the runtime's bookkeeping members are not listed", () => {
    const shown = entries.flatMap((e) => e.members.map((m) => `${e.name}.${m.name}`));
    expect(shown.filter((m) => HIDDEN_MEMBERS.has(m))).toEqual([]);
    expect(entries.find((e) => e.name === 'Handle')!.members.map((m) => m.name)).not.toContain('seq');
  });
});

describe('/zh/reference/ as rendered', () => {
  it(`at most ${MAX_LATIN_PER_CJK * 100} Latin letters beyond names per 100 Chinese characters`, () => {
    const page = proseOf(readFileSync(join(import.meta.dirname, '../../content/zh/reference.mdx'), 'utf8'));
    const shown = proseOf(entries.filter((e) => sectionOf(e)).map((e) => API_NOTES[e.name]!.zh).join("\n"));
    const text = `${page}\n${shown}`;
    const cjk = countCjk(text);
    const beyond = latinBeyondNames(text);
    console.log(`zh/reference as rendered: ${countCjk(text)} CJK, ${countLatin(text)} Latin letters outside code, ${beyond.letters} beyond names (${(beyond.letters / cjk).toFixed(3)})`);
    expect(beyond.letters / cjk, [...new Set(beyond.words)].join(', ')).toBeLessThanOrEqual(MAX_LATIN_PER_CJK);
  });
});

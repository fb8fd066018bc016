/**
 * Where an exercise's programs live: `content/exercises/<page>/<name>`, with a
 * Chinese variant `<name minus .ts>.zh.ts` used on the zh page when it exists
 * (the same program with translated strings and comments).
 */
import type { Exercise, Lang } from './schema.ts';

/** The file of program `name` for `lang`, given which files exist (paths relative to content/exercises/<page>/). */
export function programFor(name: string, lang: Lang, exists: (name: string) => boolean): string {
  if (lang !== 'en') {
    const variant = name.replace(/\.ts$/, `.${lang}.ts`);
    if (exists(variant)) return variant;
  }
  return name;
}

/** Every program file an exercise names (before language variants). */
export function programsOf(exercise: Exercise): string[] {
  return exercise.kind === 'fix' ? [exercise.starter, exercise.solution, ...exercise.alternatives] : [exercise.program];
}

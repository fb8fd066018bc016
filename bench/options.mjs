// The numeric options of the benchmark scripts (`--runs 5`, `--tasks 1000`).

/**
 * Take `name` and the number after it out of `args`; `fallback` when it is absent.
 * The caller checks the value (NaN when what follows is not a number) and that no other arguments are left.
 * @param {string[]} args the command's arguments (changed: the option is removed)
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
export function takeNumberOption(args, name, fallback) {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
}

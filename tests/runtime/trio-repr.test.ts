/**
 * trio writes reasons and task names into Cancelled's text with Python's
 * repr() (trio 0.31+, corpus 56): the trio layer's pyRepr must quote and
 * escape as CPython does. Expected values printed by CPython 3.11's repr().
 */
import { expect, it } from 'vitest';
import { pyRepr, reprError } from '../../src/runtime/trio/errors.ts';
import { ValueError } from '../../src/runtime/errors.ts';

const CPYTHON: Array<[string, string]> = [
  ["boom", "'boom'"],
  ["it's", "\"it's\""],
  ["say \"hi\"", "'say \"hi\"'"],
  ["both ' and \"", "'both \\' and \"'"],
  ["back\\slash", "'back\\\\slash'"],
  ["tab\there\nline\r", "'tab\\there\\nline\\r'"],
  ["\u0001\u007f\u0085", "'\\x01\\x7f\\x85'"],
  ["中文 ok", "'中文 ok'"],
  ["", "''"],
];

it.each(CPYTHON)('pyRepr(%j) is repr() of CPython', (text, repr) => {
  expect(pyRepr(text)).toBe(repr);
});

it('reprError writes an exception as Python does in a cancel reason', () => {
  expect(reprError(new ValueError("it's broken"))).toBe('ValueError("it\'s broken")');
  expect(reprError(new ValueError('boom'))).toBe("ValueError('boom')");
});
